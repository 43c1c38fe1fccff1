/**
 * Maintenance windows at run time (no aws-cdk-lib here: this file is bundled into the workflow
 * handler). Same form and same derived default as `MaintenanceWindow` in src/core; a test checks
 * the two agree on every case of a table and on the default slot of many tenant ids.
 */

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WINDOW_PATTERN = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/;

/** A parsed weekly window, in minutes after Monday 00:00 UTC. */
export interface WeeklyWindow {
  readonly startMinuteOfWeek: number;
  readonly durationMinutes: number;
}

/** When the next deployment may start. */
export interface NextWindow {
  /** Whether `now` is inside the window (with at least `minimumMinutes` of it left). */
  readonly inWindow: boolean;
  /** ISO timestamp at which to start: `now` when inside the window, else the next window start. */
  readonly startAt: string;
  /** Seconds from `now` until `startAt` (0 inside the window). */
  readonly waitSeconds: number;
  /** The window, in its RDS form. */
  readonly window: string;
}

/**
 * Parses `ddd:hh24:mi-ddd:hh24:mi` (UTC). Returns undefined when the text is not a valid window
 * (the spec validator reports why; a stored spec has passed it).
 */
export function parseWindow(text: string): WeeklyWindow | undefined {
  const m = WINDOW_PATTERN.exec(String(text).trim().toLowerCase());
  if (!m) return undefined;
  const point = (d: string, hh: string, mm: string): number | undefined => {
    const day = DAYS.indexOf(d);
    const h = Number(hh);
    const mi = Number(mm);
    if (day < 0 || h > 23 || mi > 59) return undefined;
    return day * MINUTES_PER_DAY + h * 60 + mi;
  };
  const start = point(m[1], m[2], m[3]);
  const end = point(m[4], m[5], m[6]);
  if (start === undefined || end === undefined) return undefined;
  const duration = (((end - start) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (duration < 30 || duration > 22 * 60 + 30) return undefined;
  return { startMinuteOfWeek: start, durationMinutes: duration };
}

/** The RDS form of a window. */
export function renderWindow(w: WeeklyWindow): string {
  const at = (minute: number): string => {
    const m = ((minute % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    const day = Math.floor(m / MINUTES_PER_DAY);
    const rest = m % MINUTES_PER_DAY;
    return `${DAYS[day]}:${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
  };
  return `${at(w.startMinuteOfWeek)}-${at(w.startMinuteOfWeek + w.durationMinutes)}`;
}

/**
 * The window `MaintenanceWindow.defaultFor(tenantId)` derives: 30 minutes on one day, starting
 * between 00:00 and 05:50 UTC on a 10-minute boundary, from an FNV-1a hash of the id.
 */
export function defaultWindowFor(tenantId: string): WeeklyWindow {
  const h = fnv1a(tenantId);
  const day = h % 7;
  const slot = Math.floor(h / 7) % 36;
  return { startMinuteOfWeek: day * MINUTES_PER_DAY + Math.floor(slot / 6) * 60 + (slot % 6) * 10, durationMinutes: 30 };
}

/**
 * When a deployment of a tenant with window `w` may start, seen at `now`: now when at least
 * `minimumMinutes` of the current window are left, else the start of the next window.
 */
export function nextWindow(w: WeeklyWindow, now: Date, minimumMinutes = 0): NextWindow {
  const minuteOfWeek = minutesSinceMonday(now);
  const into = (((minuteOfWeek - w.startMinuteOfWeek) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (into < w.durationMinutes - minimumMinutes) {
    return { inWindow: true, startAt: now.toISOString(), waitSeconds: 0, window: renderWindow(w) };
  }
  // Whole minutes until the next start, minus the seconds already elapsed in this minute.
  const minutesAhead = (MINUTES_PER_WEEK - into) % MINUTES_PER_WEEK || MINUTES_PER_WEEK;
  const ms = minutesAhead * 60_000 - (now.getUTCSeconds() * 1000 + now.getUTCMilliseconds());
  const start = new Date(now.getTime() + ms);
  return { inWindow: false, startAt: start.toISOString(), waitSeconds: Math.ceil(ms / 1000), window: renderWindow(w) };
}

function minutesSinceMonday(d: Date): number {
  const day = (d.getUTCDay() + 6) % 7; // getUTCDay: 0 = Sunday
  return day * MINUTES_PER_DAY + d.getUTCHours() * 60 + d.getUTCMinutes();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/* eslint-disable no-bitwise */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
/* eslint-enable no-bitwise */
