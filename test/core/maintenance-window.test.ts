import { Duration } from 'aws-cdk-lib';
import { DayOfWeek, MaintenanceWindow } from '../../src';

describe('MaintenanceWindow', () => {
  test.each([
    [MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 18), 'sun:18:00-sun:18:30'],
    [MaintenanceWindow.weekly(DayOfWeek.MONDAY, 3, 15, Duration.hours(2)), 'mon:03:15-mon:05:15'],
    [MaintenanceWindow.weekly(DayOfWeek.SATURDAY, 23, 45, Duration.minutes(60)), 'sat:23:45-sun:00:45'],
    [MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 23, 30, Duration.minutes(60)), 'sun:23:30-mon:00:30'],
    [MaintenanceWindow.fromString('sun:18:00-sun:18:30'), 'sun:18:00-sun:18:30'],
    [MaintenanceWindow.fromString(' Sun:23:30-Mon:00:30 '), 'sun:23:30-mon:00:30'],
    [MaintenanceWindow.fromString('wed:00:00-wed:22:30'), 'wed:00:00-wed:22:30'],
  ])('renders the RDS form %#', (w, expected) => {
    expect(w.problems).toEqual([]);
    expect(w.toString()).toBe(expected);
  });

  test.each([
    ['sun:18:00', 'not in the form ddd:hh24:mi-ddd:hh24:mi'],
    ['sunday:18:00-sunday:18:30', 'not in the form'],
    ['sun:24:00-sun:24:30', 'start hour 24 is not a valid time'],
    ['sun:18:60-sun:19:30', 'start minute 60 is not a valid time'],
    ['xyz:18:00-sun:18:30', "start day 'xyz' is not one of"],
    ['sun:18:00-sun:18:10', 'lasts 10 minutes; a window lasts at least 30 minutes'],
    ['sun:18:00-sun:18:00', 'lasts 0 minutes'],
    ['mon:00:00-tue:00:00', 'lasts 1440 minutes; a window lasts at most 22 hours 30 minutes'],
    ['wed:00:00-wed:22:31', 'lasts 1351 minutes; a window lasts at most 22 hours 30 minutes'],
  ])('fromString rejects %s', (text, message) => {
    const w = MaintenanceWindow.fromString(text);
    expect(w.isValid).toBe(false);
    expect(w.problems.join('\n')).toContain(message);
    expect(() => w.toString()).toThrow(/Invalid maintenance window/);
  });

  test.each([
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 24), 'hour must be a whole number from 0 to 23'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, -1), 'hour must be a whole number from 0 to 23'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 1.5), 'hour must be a whole number from 0 to 23'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 60), 'minute must be a whole number from 0 to 59'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.minutes(29)), 'at least 30 minutes'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.hours(23)), 'at most 22 hours 30 minutes'],
    [() => MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.seconds(1830)), 'whole number of minutes'],
    [() => MaintenanceWindow.weekly('funday' as DayOfWeek, 3), 'day must be one of'],
  ])('weekly rejects bad input %#', (make, message) => {
    const w = make();
    expect(w.problems.join('\n')).toContain(message);
    expect(() => w.backupWindow()).toThrow(message);
  });

  test('the backup window is 30 minutes ending 30 minutes before the maintenance window', () => {
    expect(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 18).backupWindow()).toBe('17:00-17:30');
    expect(MaintenanceWindow.weekly(DayOfWeek.MONDAY, 0, 20).backupWindow()).toBe('23:20-23:50');
  });

  test('the backup window never overlaps the maintenance window, for every start and length', () => {
    let checked = 0;
    for (const day of Object.values(DayOfWeek)) {
      for (let minuteOfDay = 0; minuteOfDay < 24 * 60; minuteOfDay += 10) {
        for (const minutes of [30, 90, 600, 22 * 60 + 30]) {
          const w = MaintenanceWindow.weekly(day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, Duration.minutes(minutes));
          expect(w.overlapsDaily(w.backupWindow())).toBe(false);
          // ... not even within 30 minutes: widen the backup window by 30 minutes on both sides.
          const [from, to] = w.backupWindow().split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
          const clock = (m: number) => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String((m + 1440) % 60).padStart(2, '0')}`;
          expect(w.overlapsDaily(`${clock(from - 30)}-${clock(to + 29)}`)).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBe(7 * 144 * 4);
  });

  test('overlapsDaily detects an overlap (so the property above can fail)', () => {
    const w = MaintenanceWindow.fromString('sun:23:30-mon:00:30');
    expect(w.overlapsDaily('00:00-00:30')).toBe(true); // Monday 00:00
    expect(w.overlapsDaily('23:45-00:15')).toBe(true);
    expect(w.overlapsDaily('22:30-23:00')).toBe(false);
    expect(() => w.overlapsDaily('2230-2300')).toThrow('not a daily window');
  });

  test('the default window is deterministic per tenant and spreads tenants out', () => {
    expect(MaintenanceWindow.defaultFor('acme').toString()).toBe(MaintenanceWindow.defaultFor('acme').toString());
    const windows = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const w = MaintenanceWindow.defaultFor(`tenant-${i}`);
      expect(w.isValid).toBe(true);
      expect(w.durationMinutes).toBe(30);
      const hour = Math.floor((w.startMinuteOfWeek % 1440) / 60);
      expect(hour).toBeLessThan(6);
      windows.add(w.toString());
    }
    // 200 tenants over 252 slots: most get a slot of their own.
    expect(windows.size).toBeGreaterThan(120);
  });
});
