import { describe, expect, it } from 'vitest';
import { needsBackupWarning, startUpBackupDue } from '../../../renderer/features/backups/backup-reminder';

const now = new Date('2026-11-28T09:00:00Z');

describe('backup reminders', () => {
  it('warns when the latest backup that left the computer is more than a week old', () => {
    expect(needsBackupWarning({ now, lastLeft: ['2026-11-20T08:00:00Z'], installedAt: '2026-01-01T00:00:00Z' })).toBe(
      true,
    );
    expect(
      needsBackupWarning({
        now,
        lastLeft: ['2026-11-20T08:00:00Z', '2026-11-27T08:00:00Z'],
        installedAt: '2026-01-01T00:00:00Z',
      }),
    ).toBe(false);
  });

  it('with no backup ever, counts from the installation: a desk set up this week is not nagged', () => {
    expect(needsBackupWarning({ now, lastLeft: [null, undefined], installedAt: '2026-11-25T08:00:00Z' })).toBe(false);
    expect(needsBackupWarning({ now, lastLeft: [null], installedAt: '2026-11-01T08:00:00Z' })).toBe(true);
    expect(needsBackupWarning({ now, lastLeft: [], installedAt: null })).toBe(false);
  });

  it('runs the start-up backup when there is none or the last is more than a day old', () => {
    expect(startUpBackupDue(now, null)).toBe(true);
    expect(startUpBackupDue(now, '2026-11-27T08:59:00Z')).toBe(true);
    expect(startUpBackupDue(now, '2026-11-27T09:30:00Z')).toBe(false);
  });
});
