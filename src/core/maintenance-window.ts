import { Duration, Token } from 'aws-cdk-lib';

/** Days of the week, in the three-letter form RDS maintenance windows use. */
export enum DayOfWeek {
  /** Monday */
  MONDAY = 'mon',
  /** Tuesday */
  TUESDAY = 'tue',
  /** Wednesday */
  WEDNESDAY = 'wed',
  /** Thursday */
  THURSDAY = 'thu',
  /** Friday */
  FRIDAY = 'fri',
  /** Saturday */
  SATURDAY = 'sat',
  /** Sunday */
  SUNDAY = 'sun',
}

const DAYS: string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WINDOW_PATTERN = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/;

/** Shortest window RDS accepts. */
const MIN_DURATION_MINUTES = 30;
/**
 * Longest window this library accepts: the daily 30-minute backup window ends 30 minutes before
 * the maintenance window starts, and must also start at least 30 minutes after the window of the
 * day before ends, which leaves at most 22 hours 30 minutes.
 */
const MAX_DURATION_MINUTES = 22 * 60 + 30;
/** Length of the derived daily backup window, and the gap between it and the maintenance window. */
const BACKUP_WINDOW_MINUTES = 30;

/**
 * A weekly maintenance window, in UTC: when a block's database may restart for minor version
 * upgrades and patches.
 *
 * Factories never throw, so that a block can report a bad window together with every other
 * problem of its props; {@link MaintenanceWindow.problems} lists what is wrong, and rendering an
 * invalid window throws.
 *
 * @example
 * MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 18, 0, Duration.minutes(30)).toString() // 'sun:18:00-sun:18:30'
 * MaintenanceWindow.fromString('sat:23:30-sun:00:30')
 */
export class MaintenanceWindow {
  /**
   * A window starting every week on `day` at `hour:minute` UTC.
   *
   * @param day day of the week the window starts
   * @param hour hour of the day, 0-23 (UTC)
   * @param minute minute of the hour, 0-59. Default: 0
   * @param duration length of the window, 30 minutes to 22 hours 30 minutes, whole minutes. Default: 30 minutes
   */
  public static weekly(day: DayOfWeek, hour: number, minute?: number, duration?: Duration): MaintenanceWindow {
    const m = minute ?? 0;
    const problems: string[] = [];
    if (!DAYS.includes(day)) problems.push(`day must be one of ${DAYS.join(', ')}`);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) problems.push('hour must be a whole number from 0 to 23 (UTC)');
    if (!Number.isInteger(m) || m < 0 || m > 59) problems.push('minute must be a whole number from 0 to 59');
    let minutes = MIN_DURATION_MINUTES;
    if (duration !== undefined) {
      if (Token.isUnresolved(duration.toMilliseconds())) {
        problems.push('duration must be a literal duration, not a token');
      } else {
        minutes = duration.toMilliseconds() / 60_000;
        problems.push(...durationProblems(minutes));
      }
    }
    const dayIndex = Math.max(0, DAYS.indexOf(day));
    const start = dayIndex * MINUTES_PER_DAY + hour * 60 + m;
    const raw = problems.length === 0 ? render(start, minutes) : `${day}:${pad(hour)}:${pad(m)} for ${minutes} minutes`;
    return new MaintenanceWindow(raw, start, minutes, problems);
  }

  /**
   * Parses the RDS form `ddd:hh24:mi-ddd:hh24:mi` (UTC), e.g. `sun:18:00-sun:18:30`. The window
   * may cross midnight and the end of the week (`sun:23:30-mon:00:30`).
   *
   * @param window `ddd:hh24:mi-ddd:hh24:mi` in UTC
   */
  public static fromString(window: string): MaintenanceWindow {
    if (typeof window !== 'string' || Token.isUnresolved(window)) {
      return new MaintenanceWindow(String(window), 0, 0, ['must be a literal string in the form ddd:hh24:mi-ddd:hh24:mi (UTC), e.g. sun:18:00-sun:18:30']);
    }
    const text = window.trim().toLowerCase();
    const m = WINDOW_PATTERN.exec(text);
    if (!m) {
      return new MaintenanceWindow(window, 0, 0, ['is not in the form ddd:hh24:mi-ddd:hh24:mi (UTC), e.g. sun:18:00-sun:18:30']);
    }
    const problems: string[] = [];
    const parsePoint = (dayText: string, hh: string, mm: string, which: string): number => {
      const day = DAYS.indexOf(dayText);
      const h = Number(hh);
      const mi = Number(mm);
      if (day < 0) problems.push(`${which} day '${dayText}' is not one of ${DAYS.join(', ')}`);
      if (h > 23) problems.push(`${which} hour ${hh} is not a valid time (00-23, UTC)`);
      if (mi > 59) problems.push(`${which} minute ${mm} is not a valid time (00-59)`);
      return Math.max(0, day) * MINUTES_PER_DAY + h * 60 + mi;
    };
    const start = parsePoint(m[1], m[2], m[3], 'start');
    const end = parsePoint(m[4], m[5], m[6], 'end');
    let minutes = 0;
    if (problems.length === 0) {
      minutes = (((end - start) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      problems.push(...durationProblems(minutes));
    }
    return new MaintenanceWindow(problems.length === 0 ? render(start, minutes) : window, start, minutes, problems);
  }

  /**
   * A deterministic default window derived from the tenant id: 30 minutes on one day of the week,
   * starting between 00:00 and 05:50 UTC on a 10-minute boundary. A fleet of tenants spreads over
   * 252 slots instead of all restarting at the same minute, and one tenant always gets the same slot.
   *
   * @param tenantId the tenant whose window is derived
   */
  public static defaultFor(tenantId: string): MaintenanceWindow {
    const h = fnv1a(tenantId);
    const day = h % 7;
    const slot = Math.floor(h / 7) % 36; // 36 ten-minute slots from 00:00 to 05:50
    return MaintenanceWindow.weekly(DAYS[day] as DayOfWeek, Math.floor(slot / 6), (slot % 6) * 10);
  }

  /** What is wrong with this window; empty when it is valid. */
  public readonly problems: string[];

  /** The window as given (or rendered, when valid): used in messages. */
  public readonly raw: string;

  /** Start of the window in minutes after Monday 00:00 UTC. */
  public readonly startMinuteOfWeek: number;

  /** Length of the window in minutes. */
  public readonly durationMinutes: number;

  private constructor(raw: string, start: number, minutes: number, problems: string[]) {
    this.raw = raw;
    this.startMinuteOfWeek = start;
    this.durationMinutes = minutes;
    this.problems = problems;
  }

  /** Whether the window is valid. */
  public get isValid(): boolean {
    return this.problems.length === 0;
  }

  /** The RDS form, e.g. `sun:18:00-sun:18:30`. Throws when the window is invalid. */
  public toString(): string {
    this.assertValid();
    return render(this.startMinuteOfWeek, this.durationMinutes);
  }

  /**
   * The daily backup window (RDS form `hh24:mi-hh24:mi`, UTC) to use with this maintenance window:
   * 30 minutes, ending 30 minutes before the maintenance window starts, so that on no day of the
   * week does it overlap the maintenance window (RDS rejects overlapping windows).
   */
  public backupWindow(): string {
    this.assertValid();
    const startOfDay = this.startMinuteOfWeek % MINUTES_PER_DAY;
    const from = (startOfDay - 2 * BACKUP_WINDOW_MINUTES + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const to = (from + BACKUP_WINDOW_MINUTES) % MINUTES_PER_DAY;
    return `${clock(from)}-${clock(to)}`;
  }

  /**
   * Whether a daily window `hh24:mi-hh24:mi` overlaps this weekly window on any day.
   *
   * @param dailyWindow a daily window `hh24:mi-hh24:mi` in UTC
   */
  public overlapsDaily(dailyWindow: string): boolean {
    this.assertValid();
    const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(dailyWindow);
    if (!m) throw new Error(`'${dailyWindow}' is not a daily window in the form hh24:mi-hh24:mi`);
    const from = Number(m[1]) * 60 + Number(m[2]);
    const length = ((Number(m[3]) * 60 + Number(m[4]) - from) % MINUTES_PER_DAY + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const a = this.startMinuteOfWeek;
    const b = a + this.durationMinutes;
    for (let day = 0; day < 7; day++) {
      const s = day * MINUTES_PER_DAY + from;
      // Shift by a week both ways so windows that wrap around Monday 00:00 are compared too.
      for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
        if (s + shift < b && a < s + length + shift) return true;
      }
    }
    return false;
  }

  private assertValid(): void {
    if (!this.isValid) {
      throw new Error(`Invalid maintenance window '${this.raw}': ${this.problems.join('; ')}`);
    }
  }
}

function durationProblems(minutes: number): string[] {
  if (!Number.isInteger(minutes)) return ['duration must be a whole number of minutes'];
  if (minutes < MIN_DURATION_MINUTES) return [`lasts ${minutes} minutes; a window lasts at least ${MIN_DURATION_MINUTES} minutes`];
  if (minutes > MAX_DURATION_MINUTES) {
    return [`lasts ${minutes} minutes; a window lasts at most 22 hours 30 minutes, so the daily 30-minute backup window fits between two windows with 30 minutes to spare on each side`];
  }
  return [];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

function point(minuteOfWeek: number): string {
  const m = ((minuteOfWeek % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  return `${DAYS[Math.floor(m / MINUTES_PER_DAY)]}:${clock(m % MINUTES_PER_DAY)}`;
}

function render(start: number, minutes: number): string {
  return `${point(start)}-${point(start + minutes)}`;
}

/** 32-bit FNV-1a: small, stable across Node versions and languages. */
/* eslint-disable no-bitwise -- a hash is bit arithmetic */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
/* eslint-enable no-bitwise */
