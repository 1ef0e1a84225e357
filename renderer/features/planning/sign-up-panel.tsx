import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/domain/model';
import type { SignUpDecision } from '../../../shared/domain/signup-decision';
import { Button } from '../../components/button';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import styles from './planning.module.css';
import { Form } from '../../components/form';

/**
 * The decision before saving (product.md: "every refusal has a named reason the user sees"): accepted → sign up;
 * full → the waiting list is offered; any refusal → a coordinator may override with their name and a reason.
 */
export function SignUpDecisionPanel({
  volunteerId,
  volunteerName,
  shiftId,
  onDone,
}: {
  volunteerId: string;
  volunteerName: string;
  shiftId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [decision, setDecision] = useState<SignUpDecision | null>(null);
  const [role, setRole] = useState<Role>('volunteer');
  const [operator, setOperator] = useState(repositories.desk.operator);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ operator?: string; reason?: string }>({});

  useEffect(() => {
    let current = true;
    void repositories.signUps.decide(volunteerId, shiftId).then((next) => {
      if (current) setDecision(next);
    });
    return () => {
      current = false;
    };
  }, [repositories, volunteerId, shiftId]);
  if (!decision) return null;

  async function submit(intent: Parameters<typeof repositories.signUps.signUp>[3]) {
    const result = await repositories.signUps.signUp(volunteerId, shiftId, role, intent);
    if (!result.ok) return setDecision(result.decision);
    if (result.signUp.status === 'waiting') {
      const roster = await repositories.signUps.roster(shiftId);
      const position = roster?.rows.find((row) => row.signUp.id === result.signUp.id)?.waitingPosition ?? 0;
      onDone(t('roster.waitingAdded', { name: volunteerName, position }));
    } else onDone(t('roster.signedUp', { name: volunteerName }));
  }

  async function override() {
    const next = {
      operator: operator.trim() ? undefined : t('validation.required'),
      reason: reason.trim() ? undefined : t('roster.errors.reasonRequired'),
    };
    setErrors(next);
    if (next.operator || next.reason) return;
    repositories.desk.setOperator(operator);
    await submit({
      kind: 'sign-up',
      override: { operator: operator.trim(), reason, at: repositories.desk.now().toISOString() },
    });
  }

  const onlyFull = !decision.accepted && decision.refusals.every((refusal) => refusal.code === 'shift_full');
  return (
    <section aria-label={t('roster.decision', { name: volunteerName })} className={styles.decision}>
      <SelectField
        label={t('roster.role')}
        value={role}
        onChange={setRole}
        options={ROLES.map((id) => ({ id, label: t(`shifts.roles.${id}`) }))}
      />
      {decision.accepted ? (
        <>
          <StatusMessage tone="success">{t('roster.accepted')}</StatusMessage>
          <Button onPress={() => submit({ kind: 'sign-up' })}>{t('roster.confirmSignUp')}</Button>
        </>
      ) : (
        <>
          <StatusMessage tone="warning">
            <p>{t('roster.refused')}</p>
            <ul>
              {decision.refusals.map((refusal) => (
                <li key={refusal.code}>{t(refusal.code, { ns: 'domain', ...refusalValues(refusal) })}</li>
              ))}
            </ul>
          </StatusMessage>
          {onlyFull && <Button onPress={() => submit({ kind: 'waiting-list' })}>{t('roster.toWaitingList')}</Button>}
          <Form
            className={styles.override}
            aria-label={t('roster.overrideTitle')}
            onSubmit={(event) => {
              event.preventDefault();
              void override();
            }}
          >
            <h3>{t('roster.overrideTitle')}</h3>
            <div className={ui.columns}>
              <TextField
                label={t('roster.overrideOperator')}
                value={operator}
                onChange={setOperator}
                errorMessage={errors.operator}
              />
              <TextField
                label={t('roster.overrideReason')}
                value={reason}
                onChange={setReason}
                errorMessage={errors.reason}
              />
            </div>
            <Button type="submit" variant="secondary">
              {t('roster.overrideSubmit')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

function refusalValues(refusal: SignUpDecision['refusals'][number]): Record<string, string | number> {
  return refusal.code === 'under_minimum_age' ? { minimumAge: refusal.minimumAge } : {};
}
