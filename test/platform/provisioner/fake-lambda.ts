/**
 * A small fake of the Lambda HTTP API (the REST-JSON routes a code push and a restore use), for
 * the real `@aws-sdk/client-lambda` pointed at it with an `endpoint` override: ListFunctions,
 * ListTags, GetAlias, UpdateFunctionCode (ZipFile or S3), GetFunctionConfiguration,
 * PublishVersion, UpdateAlias. Every call is counted. Also a minimal zip writer for the tests.
 * Like Lambda it:
 * - refuses PublishVersion and another UpdateFunctionCode while an update is InProgress
 *   (409 ResourceConflictException): a caller that does not wait fails as it would on AWS;
 * - denies, for a client made with `requireTags` (a role whose policy has an
 *   `aws:ResourceTag/<key>` condition, as the code-push role's `tenant-blocks:tier` =
 *   DEVELOPMENT), every write to a function that does not carry those tags (403
 *   AccessDeniedException): a restore after the function was tagged PRODUCTION is denied.
 *   The client is told apart by its access key id.
 */
import { createHash } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as zlib from 'zlib';
import { LambdaClient } from '@aws-sdk/client-lambda';

/** One function of the fake account. */
export interface FakeFunction {
  readonly name: string;
  readonly tags: Record<string, string>;
  /** Whether it has a `live` alias. */
  readonly live: boolean;
  /** The code it runs now. */
  code: Buffer;
  versions: Buffer[];
  aliasVersion?: string;
  /** Reads of GetFunctionConfiguration that still say InProgress after an update. */
  pendingPolls: number;
  /** Make the next update end Failed with this reason. */
  failUpdate?: string;
  /** Reads of GetFunctionConfiguration that say InProgress after each update. @default the fake's `pollsPerUpdate` */
  updatePolls?: number;
}

/** What a fake client's role may do. */
export interface FakeClientOptions {
  /** Tags a function must carry for this client's writes (an `aws:ResourceTag` condition). @default - no condition */
  readonly requireTags?: Record<string, string>;
}

/** A running fake. */
export interface FakeLambda {
  readonly endpoint: string;
  readonly functions: Map<string, FakeFunction>;
  /** S3 objects an `UpdateFunctionCode` from S3 may read (`bucket/key` → bytes). */
  readonly s3: Map<string, Buffer>;
  /** Every call: the operation name. */
  readonly calls: string[];
  /**
   * A real Lambda client for it; with `requireTags`, its writes (UpdateFunctionCode,
   * PublishVersion, UpdateAlias) reach only functions tagged with all of them.
   */
  client(options?: FakeClientOptions): LambdaClient;
  /** Adds a function of the account. */
  add(name: string, tags: Record<string, string>, live?: boolean, code?: Buffer): FakeFunction;
  close(): Promise<void>;
}

const ACCOUNT = '210987654321';

/** Starts the fake on a free port. */
export async function startFakeLambda(pollsPerUpdate = 1): Promise<FakeLambda> {
  const functions = new Map<string, FakeFunction>();
  const s3 = new Map<string, Buffer>();
  const calls: string[] = [];
  // access key id → the tag condition of that client's role
  const conditions = new Map<string, Record<string, string>>();
  const arnOf = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('base64');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const send = (status: number, payload: unknown, error?: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...(error ? { 'x-amzn-errortype': error } : {}) });
        res.end(JSON.stringify(payload));
      };
      const fail = (status: number, type: string, message: string) => send(status, { Type: 'User', message }, type);
      const path = decodeURIComponent(url.pathname);
      const fnOf = (name: string) => functions.get(name.replace(/^arn:.*:function:/, ''));
      const keyId = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      /** The write's denial when the caller's role has a tag condition the function does not meet. */
      const denied = (f: FakeFunction | undefined, action: string): boolean => {
        const required = conditions.get(keyId);
        if (!f || !required || Object.entries(required).every(([k, v]) => f.tags[k] === v)) return false;
        fail(403, 'AccessDeniedException', `User: ${keyId} is not authorized to perform: lambda:${action} on resource: ${arnOf(f.name)} because no identity-based policy allows the lambda:${action} action`);
        return true;
      };
      const updating = (f: FakeFunction): boolean => {
        if (f.pendingPolls <= 0) return false;
        fail(409, 'ResourceConflictException', `The operation cannot be performed at this time. An update is in progress for resource: ${arnOf(f.name)}`);
        return true;
      };
      let m: RegExpExecArray | null;
      if (req.method === 'GET' && /^\/2015-03-31\/functions\/?$/.test(path)) {
        calls.push('ListFunctions');
        const all = [...functions.values()];
        const start = Number(url.searchParams.get('Marker') ?? 0);
        const size = Number(url.searchParams.get('MaxItems') ?? 50);
        const page = all.slice(start, start + size);
        return send(200, {
          Functions: page.map((f) => ({ FunctionName: f.name, FunctionArn: arnOf(f.name) })),
          ...(start + size < all.length ? { NextMarker: String(start + size) } : {}),
        });
      }
      if (req.method === 'GET' && (m = /^\/2017-03-31\/tags\/(.+)$/.exec(path))) {
        calls.push('ListTags');
        const f = fnOf(m[1]);
        return f ? send(200, { Tags: f.tags }) : fail(404, 'ResourceNotFoundException', 'no such function');
      }
      if ((m = /^\/2015-03-31\/functions\/([^/]+)\/aliases\/([^/]+)$/.exec(path))) {
        const f = fnOf(m[1]);
        if (req.method === 'GET') {
          calls.push('GetAlias');
          if (!f || !f.live || m[2] !== 'live') return fail(404, 'ResourceNotFoundException', `Alias not found: ${m[2]}`);
          return send(200, { Name: 'live', FunctionVersion: f.aliasVersion ?? '1', AliasArn: `${arnOf(f.name)}:live` });
        }
        calls.push('UpdateAlias');
        if (denied(f, 'UpdateAlias')) return;
        if (!f || !f.live) return fail(404, 'ResourceNotFoundException', 'no alias');
        if (!f.versions[Number(body.FunctionVersion) - 1]) return fail(400, 'InvalidParameterValueException', 'no such version');
        f.aliasVersion = String(body.FunctionVersion);
        return send(200, { Name: 'live', FunctionVersion: f.aliasVersion, AliasArn: `${arnOf(f.name)}:live` });
      }
      if (req.method === 'PUT' && (m = /^\/2015-03-31\/functions\/([^/]+)\/code$/.exec(path))) {
        calls.push('UpdateFunctionCode');
        const f = fnOf(m[1]);
        if (denied(f, 'UpdateFunctionCode')) return;
        if (!f) return fail(404, 'ResourceNotFoundException', 'no such function');
        if (updating(f)) return;
        let code: Buffer | undefined;
        if (typeof body.ZipFile === 'string') code = Buffer.from(body.ZipFile, 'base64');
        else if (body.S3Bucket && body.S3Key) code = s3.get(`${body.S3Bucket}/${body.S3Key}`);
        if (!code) return fail(400, 'InvalidParameterValueException', 'Error occurred while GetObject. S3 Error Code: NoSuchKey');
        f.code = code;
        f.pendingPolls = f.updatePolls ?? pollsPerUpdate;
        return send(200, { FunctionName: f.name, CodeSha256: sha(code), LastUpdateStatus: 'InProgress' });
      }
      if (req.method === 'GET' && (m = /^\/2015-03-31\/functions\/([^/]+)\/configuration$/.exec(path))) {
        calls.push('GetFunctionConfiguration');
        const f = fnOf(m[1]);
        if (!f) return fail(404, 'ResourceNotFoundException', 'no such function');
        if (f.pendingPolls > 0) {
          f.pendingPolls--;
          return send(200, { FunctionName: f.name, LastUpdateStatus: 'InProgress' });
        }
        if (f.failUpdate) return send(200, { FunctionName: f.name, LastUpdateStatus: 'Failed', LastUpdateStatusReason: f.failUpdate });
        return send(200, { FunctionName: f.name, CodeSha256: sha(f.code), LastUpdateStatus: 'Successful' });
      }
      if (req.method === 'POST' && (m = /^\/2015-03-31\/functions\/([^/]+)\/versions$/.exec(path))) {
        calls.push('PublishVersion');
        const f = fnOf(m[1]);
        if (denied(f, 'PublishVersion')) return;
        if (!f) return fail(404, 'ResourceNotFoundException', 'no such function');
        if (updating(f)) return;
        f.versions.push(f.code);
        return send(201, { FunctionName: f.name, Version: String(f.versions.length), CodeSha256: sha(f.code) });
      }
      return fail(404, 'UnknownOperationException', `${req.method} ${path}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: LambdaClient[] = [];
  return {
    endpoint,
    functions,
    s3,
    calls,
    client(options = {}) {
      const accessKeyId = options.requireTags ? `conditioned-${conditions.size + 1}` : 'test';
      if (options.requireTags) conditions.set(accessKeyId, { ...options.requireTags });
      const c = new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'test' }, maxAttempts: 1 });
      clients.push(c);
      return c;
    },
    add(name, tags, live = true, code = Buffer.from('release code')) {
      const f: FakeFunction = { name, tags, live, code, versions: [code], aliasVersion: live ? '1' : undefined, pendingPolls: 0 };
      functions.set(name, f);
      return f;
    },
    async close() {
      clients.forEach((c) => c.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One entry of {@link makeZip}. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** The uncompressed size the central directory declares (a zip bomb lies here). @default data.length */
  readonly declaredSize?: number;
  /** Write the size as zip64 (0xFFFFFFFF and an extra field). @default false */
  readonly zip64?: boolean;
}

/** A zip archive of stored (uncompressed) entries. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const size = e.declaredSize ?? e.data.length;
    const extra = e.zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
