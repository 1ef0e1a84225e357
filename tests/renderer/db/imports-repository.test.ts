import { describe, expect, it } from 'vitest';
import { proposeMapping, readCsvFile } from '../../../shared/import';
import { createImportTestStore, fixtureBytes } from './test-database';

describe('imports repository', () => {
  it('writes the Windows-1252 fixture in one go: 29 people created as the README says, names as typed, searchable', async () => {
    const { repositories } = await createImportTestStore();
    const parsed = readCsvFile(fixtureBytes('inscriptions-formulaire-cp1252.csv'));
    expect(parsed.fellBackToWindows1252).toBe(true);
    const preview = await repositories.imports.analyse(parsed, proposeMapping(parsed.header), { fixAllCaps: false });
    const plan = await repositories.imports.commit(preview, {}, 'inscriptions-formulaire-cp1252.csv');
    expect(plan.summary).toMatchObject({ rows: 31, created: 29, skipped: 2 });
    expect(await repositories.volunteers.count()).toBe(30);
    const boeuf = await repositories.volunteers.search('boeuf', 5);
    expect(boeuf.map((volunteer) => volunteer.lastName)).toEqual(['BŒUF']);
    const log = await repositories.audit.recent(1);
    expect(log[0]).toMatchObject({ action: 'volunteer.import', details: { created: 29 } });
  });

  it('a failure in the middle of the write leaves the store exactly as it was', async () => {
    const { db, repositories } = await createImportTestStore();
    const before = {
      volunteers: await db.volunteers.toArray(),
      consents: await db.consents.toArray(),
      audit: await db.auditLog.count(),
    };
    const parsed = readCsvFile(fixtureBytes('inscriptions-google-forms.csv'));
    const preview = await repositories.imports.analyse(parsed, proposeMapping(parsed.header), { fixAllCaps: false });
    await expect(
      repositories.imports.commit(preview, {}, 'f.csv', () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.volunteers.toArray()).toEqual(before.volunteers);
    expect(await db.consents.toArray()).toEqual(before.consents);
    expect(await db.auditLog.count()).toBe(before.audit);
  });

  it('remembers a mapping per header set', async () => {
    const { repositories } = await createImportTestStore();
    expect(await repositories.imports.rememberedMapping('k')).toBeNull();
    await repositories.imports.rememberMapping('k', { columns: ['lastName', 'ignore'] });
    expect(await repositories.imports.rememberedMapping('k')).toEqual({ columns: ['lastName', 'ignore'] });
  });
});
