import { describe, expect, it } from 'vitest';
import { isUsage, nowArgument, parseCommandArgs } from '../../../electron/cli/arguments';
import { runDesk } from '../../../electron/cli/desk';

function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('the command line’s arguments', () => {
  it('reads options and files, and refuses an unknown option or a file where none is taken', () => {
    const parsed = parseCommandArgs(['a.zip', '--out', 'b.zip', '--named'], {
      out: { type: 'string' },
      named: { type: 'boolean', default: false },
    });
    expect(parsed.positionals).toEqual(['a.zip']);
    expect(parsed.values).toEqual({ out: 'b.zip', named: true });
    expect(() => parseCommandArgs(['--nope'], { out: { type: 'string' } })).toThrow(/nope/);
    expect(() => parseCommandArgs(['a.zip'], {}, { allowPositionals: false })).toThrow(/a\.zip/);
  });

  it('takes --now as an ISO 8601 instant, the present by default, and says what was wrong otherwise', () => {
    expect(nowArgument('2026-10-03T09:00:00.000Z')).toBe('2026-10-03T09:00:00.000Z');
    expect(isUsage(nowArgument(undefined))).toBe(false);
    expect(nowArgument('samedi')).toEqual({
      fr: '--now : un instant ISO 8601 (reçu samedi).',
      en: '--now: an ISO 8601 instant (got samedi).',
    });
  });

  it('answers a wrong call of every command with the message in French then English, the usage, and exit code 2', async () => {
    const calls: string[][] = [
      ['seed', 'extra.zip', '--out', 'x.zip'],
      ['seed', '--now', 'samedi', '--out', 'x.zip'],
      ['validate'],
      ['export', 'a.zip', '--from', '2026-10-01', '--to', '2026-10-31', '--out', 'x.zip', '--now', 'samedi'],
      ['import', 'a.zip', 'b.csv', '--out', 'x.zip', '--report', 'r.json', '--now', 'samedi'],
      ['merge', 'a.zip', '--out', 'x.zip'],
      ['sync', 'a.zip', '--server', 'http://127.0.0.1:1'],
      ['merge', 'a.zip', 'b.zip', '--out'],
    ];
    for (const call of calls) {
      const { io, out, err } = bufferIo();
      expect(await runDesk(call, io), call.join(' ')).toBe(2);
      expect(out).toEqual([]);
      expect(
        err.some((line) => line.startsWith('Usage : desk <commande>')),
        call.join(' '),
      ).toBe(true);
      expect(
        err.some((line) => line.startsWith('Usage: desk <command>')),
        call.join(' '),
      ).toBe(true);
    }
  });
});
