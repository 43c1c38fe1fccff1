/* eslint-disable import/no-extraneous-dependencies */
/**
 * Starts and stops a REAL PostgreSQL server for the tests that exercise the database handlers
 * over real connections (nothing to install by hand).
 *
 * - Binaries: `initdb`/`pg_ctl` on PATH, else the newest /usr/lib/postgresql/<major>/bin (what
 *   `apt-get install postgresql` gives on Debian/Ubuntu CI machines).
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
import { randomBytes } from 'crypto';
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
}

const SUPERUSER = 'postgres';

function findBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) {
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
  throw new Error('PostgreSQL server binaries not found (initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin): apt-get install postgresql');
}

function runAsUser(): { name: string; uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
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
  /** initdb a new cluster (about a second) and, unless `start: false`, start it. */
  public static async create(options: PostgresServerOptions = {}): Promise<PostgresServer> {
    const server = new PostgresServer(options, await freePort());
    server.init();
    if (options.start ?? true) {
      await server.start();
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
  private readonly dataDir: string;
  private readonly socketDir: string;
  private readonly bin: string;
  private readonly user = runAsUser();
  private running = false;
  private provisioned = false;

  private constructor(options: PostgresServerOptions, public readonly port: number) {
    this.database = options.database ?? 'app';
    this.adminUser = options.adminUser ?? 'tb_admin';
    this.bin = findBinDir();
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
    this.run(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
    this.running = true;
    if (!this.provisioned) {
      await this.provision();
      this.provisioned = true;
    }
  }

  public async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.run(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
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

    this.run(path.join(this.bin, 'initdb'), ['-D', this.dataDir, '-U', SUPERUSER, '--auth-local=trust', '--auth-host=reject', '-E', 'UTF8', '--locale=C', '--no-sync']);
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
      '',
    ].join('\n'));
    this.chownAll();
  }

  /** Creates the admin user and its database, like RDS does for the master user (first start only). */
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
    const [file, argv] = this.user ? ['runuser', ['-u', this.user.name, '--', cmd, ...args]] : [cmd, args];
    try {
      execFileSync(file, argv, { stdio: 'pipe', cwd: this.dir });
    } catch (e) {
      const err = e as { stderr?: Buffer; stdout?: Buffer };
      throw new Error(`${path.basename(cmd)} failed: ${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}\n${this.log()}`);
    }
  }
}
