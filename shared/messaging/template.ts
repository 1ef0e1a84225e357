/**
 * Message templates with `{placeholder}` fields, checked when saved: an unknown or misspelt placeholder is an error
 * that names it, never a blank in a message that 200 volunteers receive.
 */

export const PLACEHOLDERS = [
  'prenom',
  'nom',
  'mission',
  'date',
  'heure_debut',
  'heure_fin',
  'lieu',
  'adresse',
  'a_apporter',
  'contact',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** These differ from one person to the next: a message to a group in Bcc cannot carry them. */
export const PERSONAL_PLACEHOLDERS: readonly Placeholder[] = ['prenom', 'nom'];

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export type TemplateIssue =
  | { readonly kind: 'unknown_placeholder'; readonly name: string }
  | { readonly kind: 'unclosed_brace'; readonly at: number }
  | { readonly kind: 'missing_value'; readonly name: Placeholder };

const KNOWN = new Set<string>(PLACEHOLDERS);
/** `{…}` with no brace inside; anything else with a brace is an unclosed or stray one. */
const FIELD = /\{([^{}]*)\}/g;

/** The placeholders a text uses, in order of first use, and what is wrong with it. */
export function checkTemplateText(text: string): { used: Placeholder[]; issues: TemplateIssue[] } {
  const used: Placeholder[] = [];
  const issues: TemplateIssue[] = [];
  for (const match of text.matchAll(FIELD)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name)) {
      if (!issues.some((issue) => issue.kind === 'unknown_placeholder' && issue.name === name)) {
        issues.push({ kind: 'unknown_placeholder', name });
      }
    } else if (!used.includes(name as Placeholder)) {
      used.push(name as Placeholder);
    }
  }
  const stray = /[{}]/.exec(text.replace(FIELD, (field) => ' '.repeat(field.length)));
  if (stray) issues.push({ kind: 'unclosed_brace', at: stray.index });
  return { used, issues };
}

/** Fill a checked text; a placeholder with no value is an error naming it (e.g. {prenom} in a group message). */
export function fillTemplate(
  text: string,
  values: PlaceholderValues,
): { ok: true; text: string } | { ok: false; issues: TemplateIssue[] } {
  const { used, issues } = checkTemplateText(text);
  for (const name of used) if (values[name] === undefined) issues.push({ kind: 'missing_value', name });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, text: text.replace(FIELD, (_field, name: Placeholder) => values[name] ?? '') };
}
