import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/model';
import {
  AUDIT_CATEGORIES,
  auditCategory,
  auditCsv,
  auditFacets,
  EMPTY_AUDIT_FILTER,
  filterAuditEntries,
  type AuditCsvLabels,
} from '../../../shared/rights/audit-log';

const day = (at: string) => at.slice(0, 10);

function entry(fields: Partial<AuditEntry>): AuditEntry {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    at: '2026-11-28T09:00:00.000Z',
    deskId: 'desk-a',
    operator: 'Inès',
    action: 'export.city',
    subjectId: null,
    details: {},
    ...fields,
  };
}

const labels: AuditCsvLabels = {
  headers: ['Date', 'Poste', 'Id du poste', 'Opérateur', 'Type', 'Action', 'Personne', 'Détails'],
  category: (category) => category,
  operator: (operator) => operator,
  desk: (deskId) => `Poste ${deskId}`,
};

describe('audit log', () => {
  it('sorts the app’s actions into kinds, the routine ones into "other"', () => {
    expect(auditCategory('export.city')).toBe('export');
    expect(auditCategory('volunteer.import')).toBe('import');
    expect(auditCategory('backup.merge')).toBe('merge');
    expect(auditCategory('backup.restore')).toBe('restore');
    expect(auditCategory('volunteer.erase')).toBe('erasure');
    expect(auditCategory('signup.override')).toBe('override');
    expect(auditCategory('desk.pin-exit')).toBe('pin');
    expect(auditCategory('settings.pin-change')).toBe('pin');
    expect(auditCategory('privacy.retention-run')).toBe('retention');
    expect(auditCategory('access.request')).toBe('access');
    expect(auditCategory('consent.record')).toBe('other');
    expect(auditCategory('desk.no-show')).toBe('other');
  });

  it('filters by kind, period, operator and desk, latest first; "sensitive" leaves out routine actions', () => {
    const entries = [
      entry({ id: '1', at: '2026-11-01T10:00:00.000Z', action: 'export.city', operator: '' }),
      entry({ id: '2', at: '2026-11-15T10:00:00.000Z', action: 'consent.record' }),
      entry({ id: '3', at: '2026-11-20T10:00:00.000Z', action: 'backup.restore', deskId: 'desk-b' }),
      entry({ id: '4', at: '2026-11-25T10:00:00.000Z', action: 'signup.override', operator: 'Marc' }),
    ];
    const ids = (filter: Partial<typeof EMPTY_AUDIT_FILTER>) =>
      filterAuditEntries(entries, { ...EMPTY_AUDIT_FILTER, ...filter }, day).map((e) => e.id);
    expect(ids({})).toEqual(['4', '3', '1']);
    expect(ids({ category: 'all' })).toEqual(['4', '3', '2', '1']);
    expect(ids({ category: 'restore' })).toEqual(['3']);
    expect(ids({ from: '2026-11-15', to: '2026-11-20' })).toEqual(['3']);
    expect(ids({ operator: 'coordination' })).toEqual(['1']);
    expect(ids({ deskId: 'desk-b' })).toEqual(['3']);
    expect(auditFacets(entries)).toEqual({
      operators: ['coordination', 'Inès', 'Marc'],
      deskIds: ['desk-a', 'desk-b'],
    });
  });

  it('a filter never adds an entry, and every kind filter is a part of "all" (fast-check)', () => {
    const anEntry = fc.record({
      id: fc.uuid(),
      at: fc
        .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString()),
      deskId: fc.constantFrom('desk-a', 'desk-b'),
      operator: fc.constantFrom('', 'Inès', 'Marc'),
      action: fc.constantFrom('export.city', 'backup.merge', 'consent.record', 'desk.pin-exit', 'access.request'),
      subjectId: fc.constant(null),
      details: fc.constant({}),
    });
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 30 }), (entries) => {
        const all = filterAuditEntries(entries, { ...EMPTY_AUDIT_FILTER, category: 'all' }, day);
        expect(all).toHaveLength(entries.length);
        const total = AUDIT_CATEGORIES.reduce(
          (sum, category) => sum + filterAuditEntries(entries, { ...EMPTY_AUDIT_FILTER, category }, day).length,
          0,
        );
        expect(total).toBe(entries.length);
      }),
    );
  });

  it('writes CSV with the formula protection of the city export and RFC 4180 quoting', () => {
    const text = auditCsv(
      [
        entry({
          operator: '=HYPERLINK("http://x";"y")',
          action: 'signup.override',
          subjectId: '00000000-0000-4000-8000-000000000009',
          details: { reason: 'plein; mais ok' },
        }),
      ],
      labels,
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Date;Poste;Id du poste;Opérateur;Type;Action;Personne;Détails');
    expect(lines[1]).toBe(
      '2026-11-28T09:00:00.000Z;Poste desk-a;desk-a;"\'=HYPERLINK(""http://x"";""y"")";override;signup.override;' +
        '00000000-0000-4000-8000-000000000009;"{""reason"":""plein; mais ok""}"',
    );
    expect(lines[2]).toBe('');
  });
});
