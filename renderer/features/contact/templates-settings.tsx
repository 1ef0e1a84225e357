import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkMessageTemplate,
  DEFAULT_MESSAGE_TEMPLATES,
  TEMPLATE_PURPOSES,
  type MessageTemplate,
} from '../../../shared/messaging';
import { Button } from '../../components/button';
import { DialogActions, ModalDialog } from '../../components/form-dialog';
import { Form } from '../../components/form';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { templatesOf } from './recipients';

type Field = 'name' | 'subject' | 'body';
const NEW_ID = '__new__';

/**
 * Message templates in Settings (issue #15), checked when saved: an unknown placeholder is refused with its name, and
 * nothing is written until every field is right. Also the reminders' window.
 */
export function MessageTemplatesSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  if (!settings) return null;
  return (
    <section aria-labelledby="message-templates-title" className={ui.section}>
      <h2 id="message-templates-title">{t('contact.settings.title')}</h2>
      <p>{t('contact.settings.intro')}</p>
      <TemplateEditor templates={templatesOf(settings)} />
      <ReminderWindow hours={settings.reminderWindowHours ?? 48} />
    </section>
  );
}

function TemplateEditor({ templates }: { templates: readonly MessageTemplate[] }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [selected, setSelected] = useState(templates[0]?.id ?? NEW_ID);
  const current = templates.find((template) => template.id === selected);
  const [draft, setDraft] = useState<MessageTemplate>(current ?? blank());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<'saved' | 'invalid' | 'reset' | 'deleted' | null>(null);
  const [confirming, setConfirming] = useState<'reset' | 'delete' | null>(null);
  // A default template can be put back as shipped; a template someone added can be deleted.
  const original = DEFAULT_MESSAGE_TEMPLATES.find((template) => template.id === selected);
  const isCustom = current !== undefined && original === undefined;
  const differs = original !== undefined && current !== undefined && !sameTemplate(original, current);

  function blank(): MessageTemplate {
    return {
      id: NEW_ID,
      name: t('contact.settings.newName'),
      language: 'fr',
      purpose: 'about_sign_up',
      subject: '',
      body: '',
    };
  }

  function choose(id: string) {
    setSelected(id);
    setDraft(templates.find((template) => template.id === id) ?? blank());
    setErrors({});
    setStatus(null);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const { field, issue } of checkMessageTemplate(draft)) {
      found[field] = [found[field], t(`contact.issues.${issue.kind}`, issue)].filter(Boolean).join(' ');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus('invalid');
      return;
    }
    // Re-read: another section may have saved settings since this one rendered.
    const latest = await repositories.settings.get();
    const id = draft.id === NEW_ID ? `modele-${repositories.desk.newId()}` : draft.id;
    const list = templatesOf(latest);
    const next = list.some((template) => template.id === id)
      ? list.map((template) => (template.id === id ? { ...draft, id } : template))
      : [...list, { ...draft, id }];
    await repositories.settings.save({ ...latest, messageTemplates: next });
    setSelected(id);
    setDraft({ ...draft, id });
    setStatus('saved');
  }

  /** Reset or delete, on the latest settings, once confirmed; the list falls back on the defaults when emptied. */
  async function apply(action: 'reset' | 'delete') {
    const latest = await repositories.settings.get();
    const list = templatesOf(latest);
    const next =
      action === 'reset' && original
        ? list.map((template) => (template.id === original.id ? original : template))
        : list.filter((template) => template.id !== selected);
    await repositories.settings.save({ ...latest, messageTemplates: next });
    setConfirming(null);
    setErrors({});
    if (action === 'reset' && original) {
      setDraft(original);
    } else {
      const first = next[0] ?? DEFAULT_MESSAGE_TEMPLATES[0]!;
      setSelected(first.id);
      setDraft(first);
    }
    setStatus(action === 'reset' ? 'reset' : 'deleted');
  }

  return (
    <Form onSubmit={save} aria-label={t('contact.settings.title')}>
      <SelectField
        label={t('contact.settings.choose')}
        options={[
          ...templates.map((template) => ({
            id: template.id,
            label: t('contact.templateOption', { name: template.name, language: template.language.toUpperCase() }),
          })),
          { id: NEW_ID, label: t('contact.settings.newTemplate') },
        ]}
        value={selected}
        onChange={choose}
      />
      <TextField
        label={t('contact.settings.name')}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        errorMessage={errors.name}
      />
      <SelectField
        label={t('contact.settings.language')}
        options={(['fr', 'en'] as const).map((id) => ({ id, label: t(`contact.settings.languages.${id}`) }))}
        value={draft.language}
        onChange={(language) => setDraft({ ...draft, language })}
      />
      <SelectField
        label={t('contact.settings.purpose')}
        options={TEMPLATE_PURPOSES.map((id) => ({ id, label: t(`contact.settings.purposes.${id}`) }))}
        value={draft.purpose}
        onChange={(purpose) => setDraft({ ...draft, purpose })}
      />
      <TextField
        label={t('contact.settings.subject')}
        value={draft.subject}
        onChange={(subject) => setDraft({ ...draft, subject })}
        errorMessage={errors.subject}
      />
      <TextAreaField
        label={t('contact.settings.body')}
        value={draft.body}
        onChange={(body) => setDraft({ ...draft, body })}
        errorMessage={errors.body}
        rows={8}
      />
      {status === 'saved' && <StatusMessage tone="success">{t('contact.settings.saved')}</StatusMessage>}
      {status === 'invalid' && <StatusMessage tone="error">{t('contact.settings.notSaved')}</StatusMessage>}
      {status === 'reset' && <StatusMessage tone="success">{t('contact.settings.resetDone')}</StatusMessage>}
      {status === 'deleted' && <StatusMessage tone="success">{t('contact.settings.deleted')}</StatusMessage>}
      <div className={ui.formActions}>
        {differs && (
          <Button variant="secondary" onPress={() => setConfirming('reset')}>
            {t('contact.settings.reset')}
          </Button>
        )}
        {isCustom && (
          <Button variant="danger" onPress={() => setConfirming('delete')}>
            {t('contact.settings.delete')}
          </Button>
        )}
        <Button type="submit">{t('contact.settings.save')}</Button>
      </div>
      <ModalDialog
        role="alertdialog"
        isDismissable={false}
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t(confirming === 'delete' ? 'contact.settings.deleteTitle' : 'contact.settings.resetTitle')}
      >
        <p>
          {t(confirming === 'delete' ? 'contact.settings.deleteConfirm' : 'contact.settings.resetConfirm', {
            name: current?.name ?? '',
          })}
        </p>
        <DialogActions>
          <Button
            variant={confirming === 'delete' ? 'danger' : 'primary'}
            onPress={() => confirming && void apply(confirming)}
          >
            {t(confirming === 'delete' ? 'contact.settings.deleteAction' : 'contact.settings.resetAction')}
          </Button>
        </DialogActions>
      </ModalDialog>
    </Form>
  );
}

function sameTemplate(a: MessageTemplate, b: MessageTemplate): boolean {
  return (
    a.name === b.name &&
    a.language === b.language &&
    a.purpose === b.purpose &&
    a.subject === b.subject &&
    a.body === b.body
  );
}

function ReminderWindow({ hours }: { hours: number }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [value, setValue] = useState(String(hours));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = Number(value.trim());
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 336) {
      setError(t('contact.settings.windowInvalid'));
      setSaved(false);
      return;
    }
    setError(undefined);
    const latest = await repositories.settings.get();
    await repositories.settings.save({ ...latest, reminderWindowHours: parsed });
    setSaved(true);
  }
  return (
    <Form onSubmit={save} aria-label={t('contact.settings.window')}>
      <TextField
        label={t('contact.settings.window')}
        value={value}
        onChange={setValue}
        inputMode="numeric"
        errorMessage={error}
      />
      {saved && <StatusMessage tone="success">{t('contact.settings.windowSaved')}</StatusMessage>}
      <div className={ui.formActions}>
        <Button type="submit" variant="secondary">
          {t('contact.settings.saveWindow')}
        </Button>
      </div>
    </Form>
  );
}
