/* eslint-disable import/no-extraneous-dependencies */
// The SQL that turns a fresh Aurora PostgreSQL database into a tenant database: an app role that
// owns the app schema, a read-only role for the query console, nothing creatable in `public`.
// Idempotent: every statement either checks first or is a no-op when already applied, so an
// Update re-run changes nothing in the catalog (not even a password hash).
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'crypto';
import { Client } from 'pg';
import { quoteIdent, quoteLiteral } from './connection.lambda-shared';

/** What the bootstrap needs to know (all names still quoted: they come from construct props). */
export interface BootstrapPlan {
  readonly database: string;
  /** The app role (LOGIN); it owns the schema of the same name, so its default search_path `"$user"` finds it. */
  readonly appUser: string;
  readonly appPassword: string;
  /** The read-only role (LOGIN): USAGE + SELECT on the app schema, including tables created later. */
  readonly readOnlyUser: string;
  readonly readOnlyPassword: string;
}

/** Checks whether `user` can log in with `password` (true) or not (false); other errors propagate. */
export type LoginCheck = (user: string, password: string) => Promise<boolean>;

/** What a bootstrap run did (logged, and returned as custom resource data). */
export interface BootstrapOutcome {
  readonly changes: string[];
  /** What was skipped and why (not a change; logged). */
  readonly notes: string[];
}

/** Longest statement of the read-only user (the query console), as stored in its role settings. */
export const READ_ONLY_STATEMENT_TIMEOUT = '5min';

/** SQLSTATEs of a failed login: wrong/unknown password (28P01) or a role without LOGIN (28000). */
export const LOGIN_REJECTED = new Set(['28P01', '28000']);

/**
 * A SCRAM-SHA-256 verifier for `password` (RFC 5802/7677, PostgreSQL's stored format), so the
 * plain password never appears in SQL text, which the DDL statement log would record.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

async function ensureLoginRole(client: Client, user: string, password: string, canLogIn: LoginCheck, changes: string[]): Promise<void> {
  const role = quoteIdent(user);
  const existing = await client.query<{ rolcanlogin: boolean }>('SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = $1', [user]);
  if (existing.rowCount === 0) {
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${quoteLiteral(scramVerifier(password))}`);
    changes.push(`created role ${user}`);
    return;
  }
  if (!existing.rows[0].rolcanlogin) {
    await client.query(`ALTER ROLE ${role} LOGIN`);
    changes.push(`enabled login for role ${user}`);
  }
  // only touch the password when the secret's one does not work: re-setting it would rewrite the
  // hash (new salt) on every run, and a rotated password is already in both places
  if (!(await canLogIn(user, password))) {
    await client.query(`ALTER ROLE ${role} PASSWORD ${quoteLiteral(scramVerifier(password))}`);
    changes.push(`set password of role ${user}`);
  }
}

/**
 * Applies the plan as the admin user (the RDS master user: CREATEROLE, owner of the database, not
 * a superuser). Each step is guarded so a re-run is a no-op.
 */
export async function bootstrapDatabase(admin: Client, plan: BootstrapPlan, canLogIn: LoginCheck): Promise<BootstrapOutcome> {
  if (plan.appUser === plan.readOnlyUser) {
    throw new Error('the app and read-only users must differ');
  }
  const changes: string[] = [];
  const notes: string[] = [];
  const app = quoteIdent(plan.appUser);
  const readOnly = quoteIdent(plan.readOnlyUser);
  const schema = app; // the schema is named after its owner, the app role
  const database = quoteIdent(plan.database);

  await ensureLoginRole(admin, plan.appUser, plan.appPassword, canLogIn, changes);
  await ensureLoginRole(admin, plan.readOnlyUser, plan.readOnlyPassword, canLogIn, changes);

  await admin.query('BEGIN');
  try {
    // CREATE SCHEMA ... AUTHORIZATION and ALTER DEFAULT PRIVILEGES FOR ROLE need the admin to be able
    // to SET ROLE app. PostgreSQL 16 gives a CREATEROLE creator ADMIN but not SET on the roles it
    // creates, so grant the membership explicitly (the 'SET' privilege check exists from 16 on).
    const version = Number((await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0].v);
    const membership = version >= 160000 ? 'SET' : 'MEMBER';
    const member = await admin.query<{ ok: boolean }>(`SELECT pg_catalog.pg_has_role(current_user, $1, '${membership}') AS ok`, [plan.appUser]);
    if (!member.rows[0].ok) {
      await admin.query(`GRANT ${app} TO CURRENT_USER`);
      changes.push(`granted ${plan.appUser} to the admin user`);
    }

    const owner = await admin.query<{ owner: string }>(
      'SELECT pg_catalog.pg_get_userbyid(nspowner) AS owner FROM pg_catalog.pg_namespace WHERE nspname = $1', [plan.appUser]);
    if (owner.rowCount === 0) {
      await admin.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${app}`);
      changes.push(`created schema ${plan.appUser}`);
    } else if (owner.rows[0].owner !== plan.appUser) {
      await admin.query(`ALTER SCHEMA ${schema} OWNER TO ${app}`);
      changes.push(`made ${plan.appUser} the owner of schema ${plan.appUser}`);
    }

    // GRANT/REVOKE/ALTER DEFAULT PRIVILEGES of privileges already held leave the ACLs unchanged
    await admin.query(`GRANT CONNECT ON DATABASE ${database} TO ${app}, ${readOnly}`);
    await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${readOnly}`);
    // tables that already exist (e.g. created before a re-bootstrap) ...
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${readOnly}`);
    // ... and every table the app role creates later
    await admin.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${app} IN SCHEMA ${schema} GRANT SELECT ON TABLES TO ${readOnly}`);
    // nobody creates objects in public (the default before PostgreSQL 15; explicit for every engine)
    await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    // role settings of the read-only user (the query console), each set only when missing:
    // - its unqualified names resolve in the app schema
    // - read-only transactions by default: defence in depth on top of the privileges (the user can
    //   SET it off; the privileges still refuse every write with 42501)
    // - a runaway console query is cancelled after 5 minutes instead of holding an ACU ceiling
    // TEMP on the database stays (PostgreSQL grants it to PUBLIC): revoking it from PUBLIC would
    // take it from the app role too, and a read-only transaction cannot create a temp table anyway.
    // (PostgreSQL stores the search_path identifier quoted only where it must be: ask it how)
    const storedSchema = (await admin.query<{ q: string }>('SELECT pg_catalog.quote_ident($1) AS q', [plan.appUser])).rows[0].q;
    const roleSettings: Array<[string, string, string]> = [
      ['search_path', schema, `search_path=${storedSchema}`],
      ['default_transaction_read_only', 'on', 'default_transaction_read_only=on'],
      ['statement_timeout', quoteLiteral(READ_ONLY_STATEMENT_TIMEOUT), `statement_timeout=${READ_ONLY_STATEMENT_TIMEOUT}`],
    ];
    for (const [name, value, stored] of roleSettings) {
      const setting = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_catalog.pg_db_role_setting s JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
          WHERE r.rolname = $1 AND s.setdatabase = 0 AND $2 = ANY (s.setconfig)`,
        [plan.readOnlyUser, stored]);
      if (setting.rows[0].n === '0') {
        await admin.query(`ALTER ROLE ${readOnly} SET ${name} = ${value}`);
        changes.push(`set ${name} of ${plan.readOnlyUser}`);
      }
    }
    // pgaudit (loaded by the cluster parameter group) logs schema DDL with object names
    // once its extension exists. Engines without it (a local test server) skip this step; where it
    // is not preloaded, CREATE EXTENSION fails and is rolled back to the savepoint, not fatal.
    const audit = await admin.query<{ available: boolean; installed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pgaudit') AS available,
              EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pgaudit') AS installed`);
    if (audit.rows[0].available && !audit.rows[0].installed) {
      await admin.query('SAVEPOINT pgaudit');
      try {
        await admin.query('CREATE EXTENSION IF NOT EXISTS pgaudit');
        changes.push('created extension pgaudit');
      } catch (e) {
        await admin.query('ROLLBACK TO SAVEPOINT pgaudit');
        notes.push(`pgaudit not enabled: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return { changes, notes };
}
