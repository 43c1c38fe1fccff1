/**
 * The provisioner's view of a tenant spec. Validation is the spec module's own
 * (`validateTenantSpec` in src/tenant): the API answers 400 with exactly the problems a spec file
 * would report, with the JSON path of the request body (`spec.database.allowedCidrs[0]: ...`).
 */
import { validateTenantSpec } from '../../tenant/validate-tenant-spec';

/**
 * Every problem of `value` as a tenant spec, each prefixed with `path`.
 *
 * @param value the parsed JSON
 * @param path the JSON path of the spec in the request body, e.g. `spec`
 */
export function specProblems(value: unknown, path: string): string[] {
  return validateTenantSpec(value, path);
}
