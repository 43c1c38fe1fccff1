/**
 * Signing in: the authorization code flow with PKCE against the user pool's sign-in pages (Cognito's
 * hosted UI in AWS, the local server's stand-in locally), the ID token kept in sessionStorage (one
 * tab, gone with it), and the API client that sends it.
 */

/** What /config.json says (written by the construct's deployment, or served by the local server). */
export interface ConsoleConfig {
  readonly authority: string;
  readonly clientId: string;
  readonly region: string;
  readonly local?: boolean;
}

const TOKEN = 'console.idToken';
const VERIFIER = 'console.pkceVerifier';
const STATE = 'console.state';

function b64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return b64url(bytes);
}

function redirectUri(): string {
  return `${location.origin}/`;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const r = await fetch('/config.json', { cache: 'no-store' });
  if (!r.ok) throw new Error(`the console's configuration could not be read (${r.status})`);
  return r.json();
}

/** Sends the browser to the sign-in page. */
export async function signIn(config: ConsoleConfig): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge: b64url(digest),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.authority}/oauth2/authorize?${q}`);
}

/** Completes a sign-in when the page was opened with `?code=`; returns the token in store. */
export async function completeSignIn(config: ConsoleConfig): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code) {
    const verifier = sessionStorage.getItem(VERIFIER) ?? '';
    const expected = sessionStorage.getItem(STATE);
    sessionStorage.removeItem(VERIFIER);
    sessionStorage.removeItem(STATE);
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
    if (!expected || params.get('state') !== expected) throw new Error('the sign-in answer does not match the request; sign in again');
    const r = await fetch(`${config.authority}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: redirectUri(), code_verifier: verifier }),
    });
    if (!r.ok) throw new Error('the sign-in could not be completed; sign in again');
    const tokens = await r.json();
    sessionStorage.setItem(TOKEN, tokens.id_token);
  }
  return sessionStorage.getItem(TOKEN) ?? undefined;
}

export function signOut(config: ConsoleConfig): void {
  sessionStorage.removeItem(TOKEN);
  location.assign(`${config.authority}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri() })}`);
}

/** An API answer. */
export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
}

/** Thrown when the token is refused: the app shows the sign-in again. */
export class SignedOut extends Error {}

/** Calls the console API with the ID token. */
export async function api<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) throw new SignedOut('not signed in');
  const r = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN);
    throw new SignedOut('the session ended');
  }
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}
