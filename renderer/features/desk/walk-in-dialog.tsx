import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkEmail } from '../../../shared/domain/email';
import { AGE_BANDS, CONSENT_PURPOSES, type AgeBand, type ConsentPurpose } from '../../../shared/domain/model';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { normalisePhone } from '../../../shared/domain/phone';
import { Checkbox } from '../../components/checkbox';
import { FormDialog } from '../../components/form-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import type { DeskAction, DeskShift } from '../../db/repositories/desk-repository';
import { formatTime, formatTimeRange } from '../../lib/format';
import styles from './desk.module.css';

const MINOR_BANDS: readonly AgeBand[] = ['under_15', '15_17'];

/**
 * A walk-in in one short dialog (product.md): name, contact, age band, postcode and the consents asked at the desk;
 * then the same sign-up rules as anywhere (the waiting list when the shift is full), and the check-in.
 */
export function WalkInDialog({
  initialName,
  shifts,
  defaultShift,
  onClose,
  onDone,
}: {
  initialName: string;
  shifts: readonly DeskShift[];
  defaultShift: DeskShift | null;
  onClose: () => void;
  onDone: (message: string, action: DeskAction | null, tone: 'success' | 'warning' | 'error') => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  // "Awa Diallo" typed in the search box: the first word is the first name, the rest the last name.
  const [firstWord = '', ...rest] = initialName.split(/\s+/);
  const [firstName, setFirstName] = useState(firstWord);
  const [lastName, setLastName] = useState(rest.join(' '));
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBand | null>(null);
  const [guardianPhone, setGuardianPhone] = useState('');
  const [authorisation, setAuthorisation] = useState(false);
  const [postcode, setPostcode] = useState('');
  const [shiftId, setShiftId] = useState(defaultShift?.shift.id ?? shifts[0]?.shift.id ?? null);
  const [consents, setConsents] = useState<Record<ConsentPurpose, boolean>>({
    city_sharing: false,
    image_rights: false,
    newsletter: false,
    sms: false,
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const minor = ageBand !== null && MINOR_BANDS.includes(ageBand);

  async function submit() {
    const checkedEmail = email.trim() ? checkEmail(email) : null;
    const checkedPhone = phone.trim() ? normalisePhone(phone) : null;
    const checkedGuardian = minor && guardianPhone.trim() ? normalisePhone(guardianPhone) : null;
    const next = {
      firstName: firstName.trim() || lastName.trim() ? undefined : t('desk.walkIn.nameRequired'),
      email: checkedEmail && !checkedEmail.ok ? t('validation.email') : undefined,
      phone: checkedPhone && !checkedPhone.ok ? t('validation.phone') : undefined,
      guardianPhone: checkedGuardian && !checkedGuardian.ok ? t('validation.phone') : undefined,
      postcode: postcode.trim() && !/^\d{5}$/.test(postcode.trim()) ? t('validation.postcode') : undefined,
      shift: shiftId ? undefined : t('desk.toast.noShift'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !shiftId) return;
    const now = repositories.desk.now().toISOString();
    const today = parisLocalDate(now);
    const name = `${firstName.trim()} ${lastName.trim()}`.trim();
    const result = await repositories.checkins.walkIn({
      shiftId,
      volunteer: {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        email: checkedEmail?.ok ? checkedEmail.email : null,
        phone: checkedPhone?.ok ? checkedPhone.e164 : null,
        postcode: postcode.trim() || null,
        birthDate: null,
        ageBand: ageBand ? { band: ageBand, givenOn: today } : null,
        parentalAuthorisation: minor ? (authorisation ? 'received' : 'missing') : null,
        guardianName: null,
        guardianPhone: checkedGuardian?.ok ? checkedGuardian.e164 : null,
        skills: [],
        languages: [],
        availability: '',
        notes: '',
        status: 'active',
      },
      // Every purpose was asked: a box left empty is a refusal, recorded as such (GDPR art. 7(1)).
      consents: CONSENT_PURPOSES.map((purpose) => ({
        purpose,
        given: consents[purpose],
        date: today,
        noticeVersion: '1',
        channel: 'desk' as const,
      })),
    });
    if (!result.ok) {
      const reasons = result.decision.refusals.map((refusal) => t(refusal.code, { ns: 'domain' })).join(' ');
      return onDone(t('desk.toast.refused', { name, reasons }), null, 'error');
    }
    if (!result.action) return onDone(t('desk.toast.walkInWaiting', { name }), null, 'warning');
    onDone(t('desk.toast.walkIn', { name, time: formatTime(now) }), result.action, 'success');
  }

  return (
    <FormDialog
      title={t('desk.walkIn.title')}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      modalClassName={styles.walkInModal}
      formClassName={ui.form}
      onSubmit={submit}
      submitLabel={t('desk.walkIn.submit')}
    >
      <div className={ui.columns}>
        <TextField
          label={t('desk.walkIn.firstName')}
          value={firstName}
          onChange={setFirstName}
          errorMessage={errors.firstName}
          autoFocus
        />
        <TextField label={t('desk.walkIn.lastName')} value={lastName} onChange={setLastName} />
        <TextField
          label={t('desk.walkIn.email')}
          type="email"
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          description={t('desk.walkIn.contactHelp')}
        />
        <TextField
          label={t('desk.walkIn.phone')}
          type="tel"
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
        />
        <SelectField
          label={t('desk.walkIn.ageBand')}
          value={ageBand}
          onChange={setAgeBand}
          placeholder={t('common.choose')}
          options={AGE_BANDS.map((id) => ({ id, label: t(`desk.walkIn.ageBands.${id}`) }))}
        />
        <TextField
          label={t('desk.walkIn.postcode')}
          inputMode="numeric"
          value={postcode}
          onChange={setPostcode}
          errorMessage={errors.postcode}
        />
        {minor && (
          <TextField
            label={t('desk.walkIn.guardianPhone')}
            type="tel"
            value={guardianPhone}
            onChange={setGuardianPhone}
            errorMessage={errors.guardianPhone}
          />
        )}
        {minor && (
          <Checkbox isSelected={authorisation} onChange={setAuthorisation}>
            {t('desk.walkIn.authorisation')}
          </Checkbox>
        )}
        {shifts.length > 1 && (
          <SelectField
            label={t('desk.walkIn.shift')}
            value={shiftId}
            onChange={setShiftId}
            errorMessage={errors.shift}
            options={shifts.map(({ shift, mission }) => ({
              id: shift.id,
              label: `${mission?.title ?? ''} ${formatTimeRange(shift.start, shift.end)}`,
            }))}
          />
        )}
      </div>
      <fieldset>
        <legend>{t('desk.walkIn.consents')}</legend>
        {CONSENT_PURPOSES.map((purpose) => (
          <Checkbox
            key={purpose}
            isSelected={consents[purpose]}
            onChange={(given) => setConsents({ ...consents, [purpose]: given })}
          >
            {t(`desk.walkIn.consentPurposes.${purpose}`)}
          </Checkbox>
        ))}
      </fieldset>
    </FormDialog>
  );
}
