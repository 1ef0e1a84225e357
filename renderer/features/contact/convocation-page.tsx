import JsBarcode from 'jsbarcode';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '../../components/button';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import styles from './contact.module.css';

/**
 * A volunteer's printable A4 convocation to one shift (`/convocation/:signUpId`; issue #15): mission, date, time,
 * place, referent, what to bring, and the reference as a Code 128 barcode that the desk's scanner reads.
 */
export function ConvocationPage() {
  const { signUpId } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const settings = useSettings();
  const { contact } = useRepositories();
  const data = useLiveQuery(() => contact.convocation(signUpId ?? ''), [contact, signUpId]);
  if (data === undefined) return null;
  if (data === null) {
    return (
      <Page title={t('contact.convocationPage.title')}>
        <StatusMessage tone="error">{t('contact.convocationPage.notFound')}</StatusMessage>
      </Page>
    );
  }
  const { volunteer, shift, mission } = data;
  const place = [mission.placeName, mission.atPrivateHomes ? '' : mission.address, mission.postcode ?? '']
    .filter((part) => part.trim() !== '')
    .join(', ');
  return (
    <Page
      title={`${t('contact.convocationPage.title')} — ${volunteer.firstName} ${volunteer.lastName}`}
      actions={
        <Button
          variant="secondary"
          onPress={() => void desktop.savePdf({ suggestedName: `convocation-${volunteer.ref}.pdf`, landscape: false })}
        >
          {t('contact.convocationPage.print')}
        </Button>
      }
    >
      <div className={styles.convocation}>
        <p>{settings?.associationName}</p>
        <dl>
          <dt>{t('contact.convocationPage.mission')}</dt>
          <dd>{mission.title}</dd>
          <dt>{t('contact.convocationPage.date')}</dt>
          <dd>{formatShiftDate(shift.start, language)}</dd>
          <dt>{t('contact.convocationPage.time')}</dt>
          <dd>{formatTimeRange(shift.start, shift.end)}</dd>
          <dt>{t('contact.convocationPage.place')}</dt>
          <dd>{place}</dd>
          <dt>{t('contact.convocationPage.referent')}</dt>
          <dd>{[mission.referentName, mission.referentPhone ?? ''].filter(Boolean).join(' — ')}</dd>
          <dt>{t('contact.convocationPage.whatToBring')}</dt>
          <dd>{mission.whatToBring}</dd>
        </dl>
        <p>{t('contact.convocationPage.reference')}</p>
        <Barcode value={volunteer.ref} label={volunteer.ref} />
      </div>
    </Page>
  );
}

function Barcode({ value, label }: { value: string; label: string }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current) JsBarcode(svg.current, value, { format: 'CODE128', displayValue: true, height: 60, margin: 8 });
  }, [value]);
  return <svg ref={svg} role="img" aria-label={label} />;
}
