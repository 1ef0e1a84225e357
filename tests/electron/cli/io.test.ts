import { describe, expect, it } from 'vitest';
import { reportInvalidSnapshot } from '../../../electron/cli/io';
import { SnapshotError } from '../../../shared/snapshot';

function errLines() {
  const err: string[] = [];
  return { io: { out: () => undefined, err: (line: string) => err.push(line) }, err };
}

describe('a snapshot refused by a command', () => {
  it('is named with where the fault is, the reason in French then English, and the code', () => {
    const { io, err } = errLines();
    const error = new SnapshotError({
      code: 'invalid-record',
      fr: 'type inattendu',
      en: 'unexpected type',
      table: 'signUps',
      line: 7,
      field: 'shiftId',
    });
    reportInvalidSnapshot('poste-a.zip', error, io);
    expect(err).toEqual([
      'Sauvegarde invalide : poste-a.zip — table signUps, ligne 7, champ shiftId\n  type inattendu',
      'Invalid snapshot: poste-a.zip — table signUps, line 7, field shiftId\n  unexpected type',
      '  [invalid-record]',
    ]);
  });

  it('says only the file when the fault is the whole file (a truncated zip)', () => {
    const { io, err } = errLines();
    reportInvalidSnapshot('coupé.zip', new SnapshotError({ code: 'truncated', fr: 'incomplet', en: 'truncated' }), io);
    expect(err).toEqual([
      'Sauvegarde invalide : coupé.zip\n  incomplet',
      'Invalid snapshot: coupé.zip\n  truncated',
      '  [truncated]',
    ]);
  });
});
