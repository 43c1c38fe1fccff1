// The run-time maintenance window code agrees with MaintenanceWindow (src/core), which the blocks use.
import { DayOfWeek, MaintenanceWindow } from '../../../src/core';
import { defaultWindowFor, nextWindow, parseWindow, renderWindow } from '../../../src/platform/provisioner/window.lambda-shared';

describe('window.lambda-shared agrees with MaintenanceWindow', () => {
  test.each([
    'sun:18:00-sun:18:30', 'sat:23:30-sun:00:30', 'sun:23:30-mon:00:30', 'mon:00:00-mon:22:30', 'WED:04:10-wed:05:10',
  ])('parses %s as MaintenanceWindow does', (text) => {
    const core = MaintenanceWindow.fromString(text);
    const parsed = parseWindow(text)!;
    expect(parsed).toEqual({ startMinuteOfWeek: core.startMinuteOfWeek, durationMinutes: core.durationMinutes });
    expect(renderWindow(parsed)).toBe(core.toString());
  });

  test.each(['sun:25:00-sun:25:30', 'sun:18:00-sun:18:10', 'noon', 'xyz:01:00-xyz:02:00', 'mon:00:00-mon:23:30'])('rejects %s as MaintenanceWindow does', (text) => {
    expect(MaintenanceWindow.fromString(text).isValid).toBe(false);
    expect(parseWindow(text)).toBeUndefined();
  });

  test('derives the same default window for 200 tenant ids', () => {
    for (let i = 0; i < 200; i++) {
      const id = `tenant-${i.toString(36)}`;
      expect([id, renderWindow(defaultWindowFor(id))]).toEqual([id, MaintenanceWindow.defaultFor(id).toString()]);
    }
  });
});

describe('nextWindow', () => {
  const window = parseWindow('sun:03:00-sun:03:30')!;
  test.each([
    ['inside the window', '2026-11-29T03:10:00.000Z', true, '2026-11-29T03:10:00.000Z', 0],
    ['at its first minute', '2026-11-29T03:00:00.000Z', true, '2026-11-29T03:00:00.000Z', 0],
    ['at its end', '2026-11-29T03:30:00.000Z', false, '2026-12-06T03:00:00.000Z', 7 * 86400 - 1800],
    ['earlier in the week', '2026-11-23T10:00:00.000Z', false, '2026-11-29T03:00:00.000Z', 6 * 86400 - 7 * 3600],
    ['seconds before it opens', '2026-11-29T02:59:30.000Z', false, '2026-11-29T03:00:00.000Z', 30],
  ])('%s', (_name, now, inWindow, startAt, waitSeconds) => {
    expect(nextWindow(window, new Date(now))).toEqual({ inWindow, startAt, waitSeconds, window: 'sun:03:00-sun:03:30' });
  });

  test('a window across the end of the week', () => {
    const w = parseWindow('sun:23:30-mon:00:30')!;
    expect(nextWindow(w, new Date('2026-11-30T00:10:00.000Z')).inWindow).toBe(true); // Monday 00:10
    expect(nextWindow(w, new Date('2026-11-30T00:40:00.000Z')).startAt).toBe('2026-12-06T23:30:00.000Z');
  });

  test('the weekly() factory gives the same start', () => {
    expect(parseWindow(MaintenanceWindow.weekly(DayOfWeek.FRIDAY, 22, 15).toString())!.startMinuteOfWeek).toBe(4 * 1440 + 22 * 60 + 15);
  });
});
