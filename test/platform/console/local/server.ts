/**
 * The console on localhost: serves the built web app with the same security headers as the
 * distribution, a sign-in endpoint shaped like Cognito's hosted UI (authorization code + PKCE:
 * `/oauth2/authorize`, `/oauth2/token`, `/logout`), and `/api/*` through the REAL backend handler,
 * as API Gateway's HTTP API would call it (payload 2.0).
 *
 *   npx ts-node --transpile-only test/platform/console/local/server.ts [--port 4321]
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { LocalEnvironment, LocalEnvironmentOptions, startLocalEnvironment } from './environment';
import { LOCAL_POOL, LocalUser } from './tokens';
import { ConsoleEvent, handleConsoleRequest } from '../../../../src/platform/console/console-api.lambda-shared';
import { contentSecurityPolicy } from '../../../../src/platform/console/console-config.lambda-shared';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../../../src/platform/console/web/build.js');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

/** The security headers the distribution's response headers policy sends (HSTS only matters over HTTPS). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(''),
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** A running local console. */
export interface LocalConsole {
  readonly url: string;
  readonly env: LocalEnvironment;
  close(): Promise<void>;
}

interface PendingCode { user: LocalUser; challenge: string; redirectUri: string; expires: number }

/** Starts the local environment, builds the web app and serves both. */
export async function startLocalConsole(options: LocalEnvironmentOptions & { port?: number } = {}): Promise<LocalConsole> {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-web-'));
  build(webDir);
  const env = await startLocalEnvironment(options);
  const codes = new Map<string, PendingCode>();
  let origin = '';

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };
  const readBody = (req: http.IncomingMessage) => new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        const body = await readBody(req);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        const event: ConsoleEvent = {
          rawPath: url.pathname,
          headers,
          queryStringParameters: Object.fromEntries(url.searchParams.entries()),
          body: body || null,
          requestContext: { http: { method: req.method ?? 'GET' } },
        };
        // API Gateway's JWT authorizer answers 401 before the backend without a token; the backend checks again.
        if (!/^Bearer /.test(headers.authorization ?? '')) return send(res, 401, JSON.stringify({ message: 'Unauthorized' }), TYPES['.json']);
        const result = await handleConsoleRequest(event, env.deps);
        return send(res, result.statusCode, result.body, TYPES['.json'], result.headers);
      }
      if (url.pathname === '/config.json') {
        return send(res, 200, JSON.stringify({ authority: origin, clientId: LOCAL_POOL.clientId, region: LOCAL_POOL.region, local: true }), TYPES['.json']);
      }
      if (url.pathname === '/oauth2/authorize' && req.method === 'GET') return send(res, 200, signInPage(url.searchParams, env.users), TYPES['.html']);
      if (url.pathname === '/oauth2/authorize' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const user = env.users.find((u) => u.email === form.get('username'));
        const params = new URLSearchParams(form.get('query') ?? '');
        if (!user || form.get('password') !== user.password || params.get('client_id') !== LOCAL_POOL.clientId || !params.get('code_challenge')) {
          return send(res, 401, signInPage(params, env.users, 'Incorrect username or password.'), TYPES['.html']);
        }
        const code = randomBytes(16).toString('hex');
        codes.set(code, { user, challenge: params.get('code_challenge')!, redirectUri: params.get('redirect_uri') ?? '/', expires: Date.now() + 300_000 });
        const target = new URL(params.get('redirect_uri') ?? '/', origin);
        target.searchParams.set('code', code);
        if (params.get('state')) target.searchParams.set('state', params.get('state')!);
        return send(res, 302, '', 'text/plain', { Location: target.toString() });
      }
      if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!pending || pending.expires < Date.now() || pending.challenge !== challenge || form.get('redirect_uri') !== pending.redirectUri) {
          return send(res, 400, JSON.stringify({ error: 'invalid_grant' }), TYPES['.json']);
        }
        const idToken = env.issuer.idToken(pending.user);
        return send(res, 200, JSON.stringify({ id_token: idToken, access_token: idToken, token_type: 'Bearer', expires_in: 3600 }), TYPES['.json']);
      }
      if (url.pathname === '/logout') return send(res, 302, '', 'text/plain', { Location: url.searchParams.get('logout_uri') ?? '/' });
      const file = path.join(webDir, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
      if (file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
      }
      // A single-page app: unknown paths serve the app (as the distribution's error response does).
      return send(res, 200, fs.readFileSync(path.join(webDir, 'index.html')), TYPES['.html']);
    } catch (e) {
      console.error(e);
      return send(res, 500, 'internal error', 'text/plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    env,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
      await env.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/** The sign-in page (no script, no inline style: the same CSP applies). */
function signInPage(params: URLSearchParams, users: LocalUser[], error?: string): string {
  const options = users.map((u) => `<option value="${escapeHtml(u.email)}">${escapeHtml(u.email)} (${u.role}${u.tenant ? ` of ${u.tenant}` : ''})</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - local user pool</title><link rel="stylesheet" href="/app.css"></head>
<body><main class="signin"><h1>Sign in</h1><p>Local user pool (stands in for Cognito's hosted sign-in). Password of every local user: <code>${escapeHtml('Local-console-1!')}</code></p>
${error ? `<p role="alert" class="problem">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth2/authorize">
<input type="hidden" name="query" value="${escapeHtml(params.toString())}">
<label for="username">User</label><select id="username" name="username">${options}</select>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

if (require.main === module) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4321;
  void startLocalConsole({ port }).then((c) => {
    console.log(`\nTenant console (local): ${c.url}\n`);
    console.log('Sign in as (password for all: Local-console-1!):');
    for (const u of c.env.users) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(28)} ${u.tenant ? `tenant ${u.tenant}` : 'platform operator: fleet view'}`);
    console.log('\nRegistry: dynalite (in memory); logs: local PostgreSQL; tokens: a local key pair verified by aws-jwt-verify. Ctrl-C stops.');
    const stop = () => void c.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
