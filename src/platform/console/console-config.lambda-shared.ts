/**
 * Environment variable names `TenantConsole` sets on its backend (no AWS SDK here: the construct
 * reads them too).
 */
export const CONSOLE_ENV = {
  USER_POOL_ID: 'CONSOLE_USER_POOL_ID',
  CLIENT_ID: 'CONSOLE_CLIENT_ID',
  /** `provider=tenant,provider=tenant`: the tenant each federated identity provider speaks for. */
  FEDERATED_TENANTS: 'CONSOLE_FEDERATED_TENANTS',
  MAX_BYTES_SCANNED: 'CONSOLE_MAX_BYTES_SCANNED',
} as const;

/** Parses `provider=tenant,...`. */
export function parseFederatedTenants(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').filter((p) => p.includes('='))) {
    const [provider, tenant] = pair.split('=');
    out[provider] = tenant;
  }
  return out;
}

/** Renders the tenant of each identity provider as the backend reads it. */
export function renderFederatedTenants(map: Record<string, string>): string {
  return Object.entries(map).map(([p, t]) => `${p}=${t}`).join(',');
}
