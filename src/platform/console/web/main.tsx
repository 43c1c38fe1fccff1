/* eslint-disable import/no-extraneous-dependencies -- Preact is bundled into the web app at build time: a devDependency, never a runtime dependency of the library */
/**
 * The tenant console's web app (Preact): settings, history, logs, health for a tenant's users; the
 * fleet for platform operators. Every answer comes from the console API, which takes the tenant
 * and the role from the signed-in user's token; the app only decides what to show.
 */
import { Fragment, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SettingsForm, fieldOfProblem, mergePatch, sections } from './schema-form';
import { ConsoleConfig, SignedOut, api, completeSignIn, loadConfig, signIn, signOut } from './session';

interface Me { user: string; tenant: string | null; role: 'viewer' | 'editor' | 'operator' }
type Page = 'settings' | 'history' | 'logs' | 'health' | 'fleet';
const PAGES: Array<{ page: Page; title: string; operator: boolean }> = [
  { page: 'settings', title: 'Settings', operator: false },
  { page: 'history', title: 'History', operator: false },
  { page: 'logs', title: 'Logs', operator: false },
  { page: 'health', title: 'Health', operator: false },
  { page: 'fleet', title: 'Fleet', operator: true },
];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
function when(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}
function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
function bytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;
}
function pageFromHash(): Page | undefined {
  const p = location.hash.replace(/^#\/?/, '') as Page;
  return PAGES.some((x) => x.page === p) ? p : undefined;
}

/** Handles SignedOut anywhere below: back to the sign-in screen. */
let onSignedOut: () => void = () => undefined;
async function call<T = any>(method: string, path: string, body?: unknown) {
  try {
    return await api<T>(method, path, body);
  } catch (e) {
    if (e instanceof SignedOut) onSignedOut();
    throw e;
  }
}

function Status({ children }: { children: preact.ComponentChildren }) {
  return <p role="status" aria-live="polite" class="status">{children}</p>;
}

function Badge({ value }: { value: string }) {
  return <span class={`badge badge-${value.toLowerCase()}`}>{value}</span>;
}

// ---- settings ----

function OperationProgress({ operationId, onDone }: { operationId: string; onDone: () => void }) {
  const [op, setOp] = useState<any>(null);
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const r = await call('GET', `/api/operations/${encodeURIComponent(operationId)}`);
        if (stop) return;
        setOp(r.body.operation);
        if (['SUCCEEDED', 'FAILED', 'REJECTED', 'SKIPPED'].includes(r.body.operation?.status)) {
          onDone();
          return;
        }
        await new Promise((res) => setTimeout(res, 1000));
      }
    };
    void poll().catch(() => undefined);
    return () => { stop = true; };
  }, [operationId]);
  const status: string = op?.status ?? 'PENDING';
  const done = ['SUCCEEDED', 'FAILED', 'REJECTED', 'SKIPPED'].includes(status);
  return (
    <section class={`progress-panel status-${status.toLowerCase()}`} aria-labelledby="progress-title">
      <h2 id="progress-title">Change {done ? status.toLowerCase() : 'in progress'}</h2>
      {!done && <progress aria-label="Change in progress" />}
      <Status>
        Operation <code>{operationId.slice(0, 8)}</code>: <Badge value={status} />
        {op?.startedAt && !done && <Fragment> running since {when(op.startedAt)}</Fragment>}
        {done && op?.durationSeconds !== null && op?.durationSeconds !== undefined && <Fragment> after {duration(op.durationSeconds)}</Fragment>}
      </Status>
      {op?.reason && <p class="problem">{op.reason}</p>}
    </section>
  );
}

function SettingsPage({ me }: { me: Me }) {
  const [tenant, setTenant] = useState<any>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [inFlight, setInFlight] = useState<string | null>(null);
  // The operation whose progress is shown: stays on screen with its outcome after it ends.
  const [watched, setWatched] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const all = sections();
  const editable = me.role === 'editor';

  const load = async () => {
    const r = await call('GET', '/api/settings');
    setTenant(r.body);
    setInFlight(r.body.operationInFlight ?? null);
    if (r.body.operationInFlight) setWatched(r.body.operationInFlight);
  };
  useEffect(() => { void load(); }, []);

  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const p of problems) {
    const f = fieldOfProblem(p, all);
    if (f) (byField[f] = byField[f] ?? []).push(p);
    else unplaced.push(p);
  }

  const save = async (e: Event) => {
    e.preventDefault();
    const settings = mergePatch(tenant.spec, draft, all);
    if (Object.keys(settings).length === 0) {
      setMessage('Nothing changed.');
      return;
    }
    setSaving(true);
    setMessage('');
    try {
      const r = await call('PATCH', '/api/settings', { settings, expectedVersion: tenant.version });
      if (r.status === 202) {
        setProblems([]);
        setDraft({});
        setInFlight(r.body.operation.operationId);
        setWatched(r.body.operation.operationId);
        setMessage('Saved: the change is being deployed.');
      } else {
        setProblems(r.body.problems ?? [r.body.message]);
        setMessage(r.status === 400 ? 'Nothing was saved: fix the problems below.' : `Nothing was saved: ${r.body.message}`);
        setTimeout(() => summary.current?.focus(), 0);
      }
    } finally {
      setSaving(false);
    }
  };

  if (!tenant) return <Status>Loading settings…</Status>;
  return (
    <Fragment>
      <h1>Settings of {tenant.tenantId}</h1>
      <dl class="facts">
        <dt>Tier</dt><dd>{tenant.tier}</dd>
        <dt>State</dt><dd><Badge value={tenant.state} /></dd>
        <dt>Release</dt><dd>{tenant.release}</dd>
        <dt>Version</dt><dd>{tenant.version}{tenant.deployedVersion !== tenant.version ? ` (deployed: ${tenant.deployedVersion ?? 'none'})` : ''}</dd>
      </dl>
      {!editable && <p class="note">You can read these settings; an editor of your organization can change them.</p>}
      {watched && <OperationProgress key={watched} operationId={watched} onDone={() => { setMessage(''); void load(); }} />}
      {(problems.length > 0 || message) && (
        <div ref={summary} tabIndex={-1} class={problems.length ? 'error-summary' : 'note'} role={problems.length ? 'alert' : 'status'}>
          {message && <p>{message}</p>}
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => {
                const f = fieldOfProblem(p, all);
                return <li key={p}>{f ? <a href={`#field-${f.replace(/\./g, '-')}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(`field-${f.replace(/\./g, '-')}`)?.focus(); }}>{p}</a> : p}</li>;
              })}
            </ul>
          )}
        </div>
      )}
      <form onSubmit={save} noValidate aria-label="Tenant settings">
        <SettingsForm
          spec={tenant.spec} editable={editable} fixed={tenant.fixedSettings} draft={draft} problems={byField}
          onChange={(path, text) => setDraft({ ...draft, [path]: text })}
        />
        {unplaced.length > 0 && <ul class="problems">{unplaced.map((p) => <li key={p}>{p}</li>)}</ul>}
        {editable && (
          <div class="actions">
            <button type="submit" disabled={saving || inFlight !== null}>{saving ? 'Saving…' : 'Save changes'}</button>
            <button type="button" class="secondary" disabled={saving} onClick={() => { setDraft({}); setProblems([]); setMessage(''); }}>Discard</button>
            {inFlight && <span class="muted">A change is in flight: saving is possible when it ends.</span>}
          </div>
        )}
      </form>
    </Fragment>
  );
}

// ---- history ----

function Changes({ changes }: { changes: any[] }) {
  if (!changes?.length) return <span class="muted">no setting</span>;
  const show = (v: unknown) => (v === undefined ? '(default)' : Array.isArray(v) ? v.join(', ') : String(v));
  return (
    <ul class="diff">
      {changes.map((c) => (
        <li key={c.path}><code>{c.path}</code>: <del>{show(c.from)}</del> → <ins>{show(c.to)}</ins></li>
      ))}
    </ul>
  );
}

function HistoryPage() {
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [data, setData] = useState<any>(null);
  const token = pages[pages.length - 1];
  useEffect(() => {
    setData(null);
    const q = new URLSearchParams({ limit: '10', ...(token ? { nextToken: token } : {}) });
    void call('GET', `/api/operations?${q}`).then((r) => setData(r.body));
  }, [token]);
  return (
    <Fragment>
      <h1>History</h1>
      <p class="muted">Every operation on your tenant, newest first: who asked, when, what changed, how it ended.</p>
      {!data ? <Status>Loading history…</Status> : (
        <Fragment>
          <table>
            <caption class="sr-only">Operations, newest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Operation</th><th scope="col">Changes</th><th scope="col">Outcome</th><th scope="col">Duration</th></tr></thead>
            <tbody>
              {data.operations.map((op: any) => (
                <tr key={op.operationId}>
                  <td>{when(op.requestedAt)}</td>
                  <td>{op.who}</td>
                  <td>{op.type}{op.rolloutId ? ' (rollout)' : ''}<br /><span class="muted">release {op.release}</span></td>
                  <td><Changes changes={op.changes} /></td>
                  <td><Badge value={op.status} />{op.reason && <p class="reason">{op.reason}</p>}</td>
                  <td>{duration(op.durationSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="button" class="secondary" disabled={pages.length <= 1} onClick={() => setPages(pages.slice(0, -1))}>Newer</button>
            <button type="button" class="secondary" disabled={!data.nextToken} onClick={() => setPages([...pages, data.nextToken])}>Older</button>
          </div>
        </Fragment>
      )}
    </Fragment>
  );
}

// ---- logs ----

function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function LogsPage() {
  const [groups, setGroups] = useState<string[]>([]);
  const [logGroup, setLogGroup] = useState('');
  const [from, setFrom] = useState(localInput(new Date(Date.now() - 24 * 3600_000)));
  const [to, setTo] = useState(localInput(new Date(Date.now() + 60_000)));
  const [text, setText] = useState('');
  const [state, setState] = useState<any>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [tokens, setTokens] = useState<Array<string | null>>([null]);
  const query = useRef<{ id: string; text: string } | null>(null);

  useEffect(() => {
    void call('GET', '/api/settings').then((r) => {
      setGroups(r.body.logGroups ?? []);
      setLogGroup((r.body.logGroups ?? [])[0] ?? '');
    });
  }, []);

  const fetchPage = async (id: string, filter: string, nextToken: string | null) => {
    for (;;) {
      const q = new URLSearchParams({ text: filter, ...(nextToken ? { nextToken } : {}) });
      const r = await call('GET', `/api/logs/${encodeURIComponent(id)}?${q}`);
      setState(r.body);
      if (r.body.state !== 'RUNNING' && r.body.state !== 'QUEUED') return;
      await new Promise((res) => setTimeout(res, 700));
    }
  };

  const search = async (e: Event) => {
    e.preventDefault();
    setProblems([]);
    setState({ state: 'STARTING', rows: [], bytesScanned: 0 });
    const r = await call('POST', '/api/logs', { from: new Date(from).toISOString(), to: new Date(to).toISOString(), logGroup, text });
    if (r.status !== 202) {
      setState(null);
      setProblems(r.body.problems ?? [r.body.message]);
      return;
    }
    query.current = { id: r.body.queryId, text };
    setTokens([null]);
    await fetchPage(r.body.queryId, text, null);
  };

  const page = async (nextTokens: Array<string | null>) => {
    if (!query.current) return;
    setTokens(nextTokens);
    await fetchPage(query.current.id, query.current.text, nextTokens[nextTokens.length - 1]);
  };

  const running = state && ['STARTING', 'QUEUED', 'RUNNING'].includes(state.state);
  return (
    <Fragment>
      <h1>Logs</h1>
      <form class="search" onSubmit={search} aria-label="Log search">
        <div class="field">
          <label for="log-group">Log group</label>
          <input id="log-group" list="log-groups" value={logGroup} onInput={(e) => setLogGroup((e.target as HTMLInputElement).value)} required spellcheck={false} />
          <datalist id="log-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
        </div>
        <div class="field"><label for="log-from">From</label><input id="log-from" type="datetime-local" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="log-to">To</label><input id="log-to" type="datetime-local" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="log-text">Containing</label><input id="log-text" type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} /></div>
        <div class="actions"><button type="submit" disabled={running}>Search</button></div>
      </form>
      <p class="muted">Times are in your time zone ({timeZone}). A search reads at most 31 days of your tenant's logs.</p>
      {problems.length > 0 && <div class="error-summary" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      {state && (
        <Fragment>
          <Status>
            {running ? <Fragment><progress aria-label="Search in progress" /> Searching… {bytes(state.bytesScanned ?? 0)} scanned</Fragment>
              : state.state === 'SUCCEEDED' ? `${state.rows.length} line(s) on this page, ${bytes(state.bytesScanned)} scanned`
                : `Search ${String(state.state).toLowerCase()}${state.reason ? `: ${state.reason}` : ''}`}
          </Status>
          {state.state === 'SUCCEEDED' && (
            <Fragment>
              <table class="logs">
                <caption class="sr-only">Log lines, oldest first</caption>
                <thead><tr><th scope="col">Time</th><th scope="col">Message</th></tr></thead>
                <tbody>
                  {state.rows.map((row: any, i: number) => (
                    <tr key={i}><td class="nowrap">{dateTime.format(new Date(row.timestamp))}</td><td><code class="line">{row.message}</code></td></tr>
                  ))}
                </tbody>
              </table>
              <div class="actions">
                <button type="button" class="secondary" disabled={tokens.length <= 1} onClick={() => void page(tokens.slice(0, -1))}>Previous page</button>
                <button type="button" class="secondary" disabled={!state.nextToken} onClick={() => void page([...tokens, state.nextToken])}>Next page</button>
              </div>
            </Fragment>
          )}
        </Fragment>
      )}
    </Fragment>
  );
}

// ---- health ----

function HealthPage() {
  const [h, setH] = useState<any>(null);
  useEffect(() => { void call('GET', '/api/health').then((r) => setH(r.body)); }, []);
  if (!h) return <Fragment><h1>Health</h1><Status>Reading alarm states…</Status></Fragment>;
  const mw = h.maintenanceWindow;
  return (
    <Fragment>
      <h1>Health of {h.tenantId}</h1>
      <dl class="facts">
        <dt>State</dt><dd><Badge value={h.state} /></dd>
        <dt>Last deployment</dt><dd>{h.lastStackStatus ?? 'none'}</dd>
      </dl>
      <h2>Alarms</h2>
      {h.alarmsError && <p class="problem">{h.alarmsError}</p>}
      {h.alarms.length === 0 ? <p>No alarm changed state in the last 14 days.</p> : (
        <table>
          <caption class="sr-only">Current alarm states</caption>
          <thead><tr><th scope="col">Alarm</th><th scope="col">State</th><th scope="col">Since</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {h.alarms.map((a: any) => (
              <tr key={a.name}><td>{a.name}</td><td><Badge value={a.state} /></td><td>{when(a.since)}</td><td>{a.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Maintenance window</h2>
      <p>Weekly, <code>{mw.window}</code> (UTC), {mw.durationMinutes} minutes. Deployments that wait for the window start then.</p>
      <p>{mw.inWindow ? 'The window is open now.' : <Fragment>Next: <strong>{new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(mw.nextStart))}</strong> (your time zone, {timeZone}).</Fragment>}</p>
    </Fragment>
  );
}

// ---- fleet ----

/** A wave's tenants: the first ten by name, then how many more. */
function tenantList(ids: string[]): string {
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
}

function FleetPage() {
  const [f, setF] = useState<any>(null);
  useEffect(() => { void call('GET', '/api/fleet').then((r) => setF(r.body)); }, []);
  if (!f) return <Fragment><h1>Fleet</h1><Status>Loading the fleet…</Status></Fragment>;
  return (
    <Fragment>
      <h1>Fleet</h1>
      <table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Tenant</th><th scope="col">Tier</th><th scope="col">Release</th><th scope="col">State</th><th scope="col">Last operation</th></tr></thead>
        <tbody>
          {f.tenants.map((t: any) => (
            <tr key={t.tenantId}>
              <td>{t.tenantId}<br /><span class="muted">{t.account}</span></td>
              <td>{t.tier}</td>
              <td>{t.release}{t.deployedRelease && t.deployedRelease !== t.release ? ` (deployed ${t.deployedRelease})` : ''}</td>
              <td><Badge value={t.state} /></td>
              <td>{t.lastOperation ? <Fragment>{t.lastOperation.type} <Badge value={t.lastOperation.status} /><br /><span class="muted">{t.lastOperation.who}, {when(t.lastOperation.requestedAt)}</span></Fragment> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Rollouts</h2>
      {f.rollouts.length === 0 ? <p>No rollout.</p> : f.rollouts.map((r: any) => {
        const done = r.waves.filter((w: any) => w.status === 'DONE' || w.status === 'SUCCEEDED').length;
        return (
          <section key={r.rolloutId} class="rollout" aria-labelledby={`rollout-${r.rolloutId}`}>
            <h3 id={`rollout-${r.rolloutId}`}>Release {r.release} <Badge value={r.status} /></h3>
            <p class="muted">Requested by {r.requestedBy}, {when(r.createdAt)}{r.awaitingApprovalForWave !== null ? `; waiting for approval of wave ${r.awaitingApprovalForWave + 1}` : ''}</p>
            <label for={`rollout-progress-${r.rolloutId}`}>{done} of {r.waves.length} waves done</label>
            <progress id={`rollout-progress-${r.rolloutId}`} max={r.waves.length} value={done} />
            <ol class="waves">
              {r.waves.map((w: any) => <li key={w.index}>Wave {w.index + 1}: {tenantList(w.tenants ?? [])} <Badge value={String(w.status ?? 'PENDING')} /></li>)}
            </ol>
          </section>
        );
      })}
    </Fragment>
  );
}

// ---- shell ----

function App() {
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState('');
  const [signedOut, setSignedOut] = useState(false);
  const [page, setPage] = useState<Page | undefined>(pageFromHash());
  const heading = useRef<HTMLElement>(null);

  onSignedOut = () => { setMe(null); setSignedOut(true); };
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    void (async () => {
      try {
        const c = await loadConfig();
        setConfig(c);
        const token = await completeSignIn(c);
        if (!token) { setSignedOut(true); return; }
        const r = await call('GET', '/api/me');
        if (r.status !== 200) throw new Error(r.body.message);
        setMe(r.body);
      } catch (e) {
        if (!(e instanceof SignedOut)) setError((e as Error).message);
      }
    })();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => { heading.current?.focus(); }, [page]);

  if (error) return <main id="main" class="center"><h1>Tenant console</h1><p role="alert" class="problem">{error}</p></main>;
  if (signedOut) {
    return (
      <main id="main" class="center">
        <h1>Tenant console</h1>
        <p>Sign in with the account your platform gave you{config?.local ? ' (local user pool)' : ''}.</p>
        <button type="button" onClick={() => config && void signIn(config)}>Sign in</button>
      </main>
    );
  }
  if (!me || !config) return <main id="main" class="center"><Status>Signing in…</Status></main>;
  const visible = PAGES.filter((p) => (me.role === 'operator' ? p.operator : !p.operator));
  const current = page && visible.some((p) => p.page === page) ? page : visible[0].page;
  return (
    <Fragment>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">Tenant console</span>
        <nav aria-label="Sections">
          <ul>
            {visible.map((p) => <li key={p.page}><a href={`#/${p.page}`} aria-current={p.page === current ? 'page' : undefined}>{p.title}</a></li>)}
          </ul>
        </nav>
        <span class="who">{me.user} · {me.role}{me.tenant ? ` · ${me.tenant}` : ' · platform'}</span>
        <button type="button" class="secondary" onClick={() => signOut(config)}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1} ref={heading}>
        {current === 'settings' && <SettingsPage me={me} />}
        {current === 'history' && <HistoryPage />}
        {current === 'logs' && <LogsPage />}
        {current === 'health' && <HealthPage />}
        {current === 'fleet' && <FleetPage />}
      </main>
    </Fragment>
  );
}

render(<App />, document.getElementById('app')!);
