/**
 * Tenant settings as plain JSON at run time: merge patches, diffs, the maintenance window. No
 * aws-cdk-lib and no validator here, so the workflow handler's bundle stays small; validation is
 * in spec.lambda-shared.ts.
 */
import { defaultWindowFor, parseWindow, WeeklyWindow } from './window.lambda-shared';

/** A tenant spec as stored in the registry: plain JSON. */
export type SpecJson = Record<string, unknown>;

/** One changed setting, as recorded in an operation's history entry. */
export interface SettingChange {
  /** JSON path of the setting, e.g. `database.maxCapacity`. */
  readonly path: string;
  /** The value before (absent when the setting was not set). */
  readonly from?: unknown;
  /** The value after (absent when the setting was removed). */
  readonly to?: unknown;
}

/** Settings that identify a tenant and can never change through the API. */
export const IMMUTABLE_SETTINGS = ['tenantId', 'account', 'region'];

/**
 * Applies a JSON merge patch (RFC 7396: objects merge, `null` removes, anything else replaces) of
 * settings to a spec. Returns the new spec and the problems of the patch itself (identity
 * settings that may not change).
 */
export function mergeSettings(spec: SpecJson, patch: unknown, path: string): { spec: SpecJson; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(patch)) {
    return { spec, problems: [`${path}: must be an object of the settings to change (JSON merge patch: null removes a setting) (got: ${JSON.stringify(patch)})`] };
  }
  for (const key of IMMUTABLE_SETTINGS) {
    if (key in patch && JSON.stringify(patch[key]) !== JSON.stringify(spec[key])) {
      problems.push(`${path}.${key}: identifies the tenant and cannot change; create a new tenant instead (got: ${JSON.stringify(patch[key])})`);
    }
  }
  return { spec: merge(spec, patch) as SpecJson, problems };
}

/** The settings that differ between two specs, leaf by leaf, in path order. */
export function settingsDiff(before: unknown, after: unknown, path = ''): SettingChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => settingsDiff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (isObject(before) && after === undefined) return settingsDiff(before, {}, path);
  if (before === undefined && isObject(after)) return settingsDiff({}, after, path);
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, ...(before === undefined ? {} : { from: before }), ...(after === undefined ? {} : { to: after }) }];
}

/** The tenant's maintenance window: the spec's database window, else the default derived from its id. */
export function maintenanceWindowOf(spec: SpecJson): WeeklyWindow {
  const database = spec.database;
  const text = isObject(database) && typeof database.maintenanceWindow === 'string' ? database.maintenanceWindow : undefined;
  return (text ? parseWindow(text) : undefined) ?? defaultWindowFor(String(spec.tenantId));
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = merge(result[key], value);
    }
  }
  return result;
}
