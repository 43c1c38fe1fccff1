import { Token } from 'aws-cdk-lib';
import type { ApiCallerScope, ApiCallerScopesValidationOptions } from './scope-types';
import { FLEET_ACTIONS, ScopeRule, TENANT_ACTIONS, TenantActionName } from './scopes.lambda-shared';
import { PropsValidation } from '../../core/validation';

/** IAM principals that may call the API: roles or users (any path) of an account. */
const PRINCIPAL_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
/** A tenant id prefix: the start of a valid tenant id. */
const PREFIX_PATTERN = /^[a-z][a-z0-9-]{0,29}$/;
/**
 * The scopes travel to the API handler in one environment variable; Lambda's environment holds
 * 4 KB in all, and the handler has others: past this size, use prefixes or fewer scopes.
 */
export const MAX_SCOPES_JSON_LENGTH = 3000;

/** The scopes as the handler reads them (JSON). */
export function scopesToJson(scopes: ApiCallerScope[]): string {
  const rules: ScopeRule[] = scopes.map((s) => ({
    principalArn: s.principalArn,
    actions: [...s.actions],
    ...(s.tenantIds ? { tenantIds: [...s.tenantIds] } : {}),
    ...(s.tenantIdPrefix !== undefined ? { tenantIdPrefix: s.tenantIdPrefix } : {}),
    ...(s.allTenants ? { allTenants: true } : {}),
    ...(s.accounts && s.accounts.length > 0 ? { accounts: [...s.accounts] } : {}),
  }));
  return JSON.stringify(rules);
}

/**
 * Adds every problem of `scopes` to `v` (for the provisioner's own props validation).
 *
 * Not stable API: for the provisioner's own props validation, it may change in any release.
 */
export function validateApiCallerScopes(
  v: PropsValidation, scopes: ApiCallerScope[] | undefined, options: ApiCallerScopesValidationOptions = {},
): void {
  const prop = options.propName ?? 'apiCallers';
  if (!Array.isArray(scopes) || scopes.length === 0) {
    v.add(prop, 'list the callers of the API and what each may do (at least one scope)', scopes);
    return;
  }
  const known = options.tenantAccountIds?.filter((a) => !Token.isUnresolved(a));
  scopes.forEach((s, i) => {
    const at = `${prop}[${i}]`;
    if (typeof s !== 'object' || s === null) {
      v.add(at, 'must be an ApiCallerScope { principalArn, actions, tenantIds | tenantIdPrefix | allTenants }', s);
      return;
    }
    principalProblems(v, `${at}.principalArn`, s.principalArn);
    actionProblems(v, `${at}.actions`, s.actions);
    const given = [s.tenantIds !== undefined, s.tenantIdPrefix !== undefined, s.allTenants === true].filter(Boolean).length;
    if (given !== 1) {
      v.add(at, 'give exactly one of tenantIds, tenantIdPrefix or allTenants: true (which tenants the scope covers)',
        { tenantIds: s.tenantIds, tenantIdPrefix: s.tenantIdPrefix, allTenants: s.allTenants });
    }
    v.boolean(`${at}.allTenants`, s.allTenants);
    if (s.tenantIds !== undefined) {
      if (!Array.isArray(s.tenantIds) || s.tenantIds.length === 0) {
        v.add(`${at}.tenantIds`, 'must list at least one tenant id', s.tenantIds);
      } else {
        s.tenantIds.forEach((id, j) => {
          v.tenantId(`${at}.tenantIds[${j}]`, id);
          if (s.tenantIds!.indexOf(id) !== j) v.add(`${at}.tenantIds[${j}]`, `duplicates tenantIds[${s.tenantIds!.indexOf(id)}]`, id);
        });
      }
    }
    if (s.tenantIdPrefix !== undefined && (typeof s.tenantIdPrefix !== 'string' || !PREFIX_PATTERN.test(s.tenantIdPrefix))) {
      v.add(`${at}.tenantIdPrefix`, 'must be the start of a tenant id: 1-30 lowercase letters, digits and hyphens, starting with a letter', s.tenantIdPrefix);
    }
    if (s.accounts !== undefined) {
      if (!Array.isArray(s.accounts) || s.accounts.length === 0) {
        v.add(`${at}.accounts`, 'must list at least one account (leave it out for every account)', s.accounts);
      } else {
        s.accounts.forEach((a, j) => {
          v.accountId(`${at}.accounts[${j}]`, a);
          if (typeof a === 'string' && /^\d{12}$/.test(a) && known && known.length > 0 && !known.includes(a)) {
            v.add(`${at}.accounts[${j}]`, `is not one of the provisioner's tenantAccountIds (${known.join(', ')})`, a);
          }
        });
      }
    }
    const fleet = Array.isArray(s.actions) ? s.actions.filter((a) => FLEET_ACTIONS.includes(a as TenantActionName)) : [];
    if (fleet.length > 0 && (s.allTenants !== true || (s.accounts !== undefined && s.accounts.length > 0))) {
      v.add(`${at}.actions`, `${fleet.join(' and ')} act on the whole fleet: they need allTenants: true and no accounts`, s.actions);
    }
  });
  const json = scopesToJson(scopes.filter((s) => typeof s === 'object' && s !== null));
  if (json.length > MAX_SCOPES_JSON_LENGTH) {
    v.add(prop, `the scopes take ${json.length} characters of the API handler's environment, at most ${MAX_SCOPES_JSON_LENGTH} fit: use tenantIdPrefix instead of long tenantIds lists`, `${scopes.length} scopes`);
  }
}

function principalProblems(v: PropsValidation, at: string, arn: unknown): void {
  if (typeof arn !== 'string') {
    v.add(at, 'must be an IAM role or user ARN (arn:aws:iam::<account>:role/<name>)', arn);
  } else if (Token.isUnresolved(arn)) {
    // The ARN of a role of this app (role.roleArn) resolves at deploy time, in the resource policy
    // and in the handler's scopes alike; its shape is the role's, so nothing is left to check here.
    return;
  } else if (/[*?]/.test(arn)) {
    v.add(at, 'must name one principal, no wildcards', arn);
  } else if (/:assumed-role\//.test(arn) || /^arn:[^:]+:sts:/.test(arn)) {
    v.add(at, 'must name the role (arn:aws:iam::<account>:role/<name>), not one of its sessions', arn);
  } else if (!PRINCIPAL_PATTERN.test(arn)) {
    v.add(at, 'must be an IAM role or user ARN (arn:aws:iam::<account>:role/<name>); an account root would admit every principal of the account', arn);
  }
}

function actionProblems(v: PropsValidation, at: string, actions: unknown): void {
  if (!Array.isArray(actions) || actions.length === 0) {
    v.add(at, `must list at least one of ${TENANT_ACTIONS.join(', ')}`, actions);
    return;
  }
  actions.forEach((a, j) => {
    if (typeof a !== 'string' || !(TENANT_ACTIONS as readonly string[]).includes(a)) {
      v.add(`${at}[${j}]`, `must be one of ${TENANT_ACTIONS.map((x) => `TenantAction.${x}`).join(', ')}`, a);
    } else if (actions.indexOf(a) !== j) {
      v.add(`${at}[${j}]`, `duplicates actions[${actions.indexOf(a)}]`, a);
    }
  });
}
