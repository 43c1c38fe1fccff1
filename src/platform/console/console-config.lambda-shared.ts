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

/**
 * The Content-Security-Policy of every page: nothing inline, nothing from elsewhere but the sign-in
 * domain (the token exchange), no framing. `style-src 'self'` (no 'unsafe-inline'): the app ships
 * one stylesheet and sets no style attributes. The distribution and the local server send the same.
 */
export function contentSecurityPolicy(signInOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${signInOrigin ? ` ${signInOrigin}` : ''}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
