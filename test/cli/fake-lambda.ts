/**
 * A fake AWS Lambda API for the local simulation: a small HTTP server that answers the REST paths
 * the real `@aws-sdk/client-lambda` calls (restJson1: ListFunctions, ListTags, GetFunction,
 * GetFunctionConfiguration, UpdateFunctionCode, PublishVersion, UpdateAlias, GetAlias,
 * ListAliases, ListVersionsByFunction), so the provisioner's code push runs its real SDK calls
 * against it. Like Lambda it:
 * - keeps functions per account (the account is read from the caller's access key id,
 *   `fake-<account>`: a client made for one tenant account cannot see another's functions);
 * - reports a code update `InProgress` to the next `inProgressReads` reads of its configuration
 *   (a count, not a time, so call counts are exact), and refuses PublishVersion and another update
 *   meanwhile (ResourceConflictException), so a caller that does not wait fails as it would on AWS;
 * - refuses a PublishVersion whose CodeSha256 is not the current code's;
 * - stores the code, so a test can run the handler an alias points to ({@link FakeLambda.invoke})
 *   and prove the pushed code answers.
 * Every call is counted by operation.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { unzip } from '../../src/cli/zip';

/** One function version. */
interface Version {
  readonly version: string;
  readonly code: Buffer;
  readonly codeSha256: string;
  readonly description: string;
}

interface FakeFunction {
  readonly account: string;
  readonly name: string;
  readonly handler: string;
  readonly runtime: string;
  readonly tags: Record<string, string>;
  code: Buffer;
  codeSha256: string;
  /** Reads of the configuration left before the update in progress is reported done. */
  pendingReads: number;
  revision: number;
  lastModified: string;
  readonly versions: Version[];
  readonly aliases: Map<string, { version: string; revision: number }>;
}

/** A function to seed. */
export interface SeedFunction {
  readonly account: string;
  readonly name: string;
  readonly handler?: string;
  readonly runtime?: string;
  readonly tags?: Record<string, string>;
  /** The zip of its code (version 1). */
  readonly code: Buffer;
  /** An alias on version 1. @default 'live' (TenantFunction's) */
  readonly alias?: string;
}

/** One call the fake answered. */
export interface FakeLambdaCall {
  readonly operation: string;
  readonly account: string;
  readonly functionName?: string;
  readonly status: number;
}

const REGION = 'us-east-1';

class LambdaError extends Error {
  constructor(public readonly status: number, public readonly type: string, message: string) {
    super(message);
  }
}

/** The running fake. */
export class FakeLambda {
  /** Starts the server on 127.0.0.1. */
  public static async start(options: { inProgressReads?: number } = {}): Promise<FakeLambda> {
    const fake = new FakeLambda(options.inProgressReads ?? 1);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Every call, in order. */
  public readonly calls: FakeLambdaCall[] = [];
  private readonly functions = new Map<string, FakeFunction>();
  private readonly server: http.Server;
  private readonly runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-lambda-'));
  private runs = 0;

  private constructor(private readonly inProgressReads: number) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.serve(req, Buffer.concat(chunks).toString('utf8'), res));
    });
  }

  /** `http://127.0.0.1:<port>`: a LambdaClient's `endpoint`. */
  public get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Credentials that sign as `account`. */
  public credentialsFor(account: string): { accessKeyId: string; secretAccessKey: string } {
    return { accessKeyId: `fake-${account}`, secretAccessKey: 'fake' };
  }

  /** Calls per operation since `from` (an index into {@link calls}). */
  public count(from = 0): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of this.calls.slice(from)) counts[c.operation] = (counts[c.operation] ?? 0) + 1;
    return counts;
  }

  /** Seeds a function with its code published as version 1 and an alias on it. */
  public addFunction(seed: SeedFunction): void {
    const sha = b64sha(seed.code);
    const fn: FakeFunction = {
      account: seed.account,
      name: seed.name,
      handler: seed.handler ?? 'index.handler',
      runtime: seed.runtime ?? 'nodejs24.x',
      tags: { ...(seed.tags ?? {}) },
      code: seed.code,
      codeSha256: sha,
      pendingReads: 0,
      revision: 1,
      lastModified: new Date().toISOString(),
      versions: [{ version: '1', code: seed.code, codeSha256: sha, description: 'deployed' }],
      aliases: new Map([[seed.alias ?? 'live', { version: '1', revision: 1 }]]),
    };
    this.functions.set(`${seed.account}/${seed.name}`, fn);
  }

  /** The version an alias points to. */
  public aliasVersion(account: string, name: string, alias = 'live'): string | undefined {
    return this.functions.get(`${account}/${name}`)?.aliases.get(alias)?.version;
  }

  /** The zip a qualifier (a version, an alias, or `$LATEST`) runs. */
  public codeOf(account: string, name: string, qualifier = 'live'): Buffer {
    const fn = this.functions.get(`${account}/${name}`);
    if (!fn) throw new Error(`no function ${name} in ${account}`);
    if (qualifier === '$LATEST') return fn.code;
    const version = fn.aliases.get(qualifier)?.version ?? qualifier;
    const v = fn.versions.find((x) => x.version === version);
    if (!v) throw new Error(`no version ${qualifier} of ${name}`);
    return v.code;
  }

  /** Runs the handler of what `qualifier` points to, in this process, with `event`. */
  public async invoke(account: string, name: string, event: unknown, qualifier = 'live'): Promise<unknown> {
    const fn = this.functions.get(`${account}/${name}`)!;
    const dir = path.join(this.runDir, String(++this.runs));
    for (const entry of unzip(this.codeOf(account, name, qualifier))) {
      fs.mkdirSync(path.dirname(path.join(dir, entry.name)), { recursive: true });
      fs.writeFileSync(path.join(dir, entry.name), entry.data);
    }
    const dot = fn.handler.lastIndexOf('.');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, fn.handler.slice(0, dot))) as Record<string, (e: unknown, c: unknown) => unknown>;
    return mod[fn.handler.slice(dot + 1)](event, { awsRequestId: `fake-${this.runs}`, functionName: name });
  }

  public async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.runDir, { recursive: true, force: true });
  }

  private serve(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const account = /Credential=fake-(\d{12})\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '?';
    const url = new URL(req.url!, 'http://127.0.0.1');
    let operation = 'Unknown';
    let functionName: string | undefined;
    let status = 200;
    let payload: unknown;
    try {
      if (account === '?') throw new LambdaError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      const route = this.route(req.method!, url.pathname);
      operation = route.operation;
      functionName = route.functionName;
      payload = this.handle(route, account, url.searchParams, body ? JSON.parse(body) : {});
      if (operation === 'PublishVersion') status = 201;
    } catch (e) {
      const err = e instanceof LambdaError ? e : new LambdaError(500, 'ServiceException', (e as Error).message);
      status = err.status;
      res.setHeader('x-amzn-errortype', err.type);
      payload = { Type: 'User', message: err.message };
    }
    this.calls.push({ operation, account, functionName, status });
    res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': `fake-${this.calls.length}` });
    res.end(JSON.stringify(payload));
  }

  private route(method: string, pathname: string): { operation: string; functionName?: string; alias?: string; resource?: string } {
    const p = decodeURIComponent(pathname).replace(/\/$/, '');
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/2015-03-31/functions') return { operation: 'ListFunctions' };
    if (method === 'GET' && (m = /^\/2017-03-31\/tags\/(.+)$/.exec(p))) return { operation: 'ListTags', resource: m[1] };
    if ((m = /^\/2015-03-31\/functions\/([^/]+)(\/.*)?$/.exec(p))) {
      const functionName = m[1];
      const rest = m[2] ?? '';
      if (method === 'GET' && rest === '') return { operation: 'GetFunction', functionName };
      if (method === 'GET' && rest === '/configuration') return { operation: 'GetFunctionConfiguration', functionName };
      if (method === 'PUT' && rest === '/code') return { operation: 'UpdateFunctionCode', functionName };
      if (method === 'POST' && rest === '/versions') return { operation: 'PublishVersion', functionName };
      if (method === 'GET' && rest === '/versions') return { operation: 'ListVersionsByFunction', functionName };
      if (method === 'GET' && rest === '/aliases') return { operation: 'ListAliases', functionName };
      const alias = /^\/aliases\/([^/]+)$/.exec(rest)?.[1];
      if (alias && method === 'GET') return { operation: 'GetAlias', functionName, alias };
      if (alias && method === 'PUT') return { operation: 'UpdateAlias', functionName, alias };
    }
    throw new LambdaError(400, 'UnsupportedOperation', `the fake Lambda API does not implement ${method} ${pathname}`);
  }

  private handle(route: ReturnType<FakeLambda['route']>, account: string, query: URLSearchParams, body: any): unknown {
    switch (route.operation) {
      case 'ListFunctions': {
        const all = [...this.functions.values()].filter((f) => f.account === account);
        const start = Number(query.get('Marker') ?? 0);
        const size = Number(query.get('MaxItems') ?? 50);
        const page = all.slice(start, start + size);
        return { Functions: page.map((f) => this.configuration(f)), ...(start + size < all.length ? { NextMarker: String(start + size) } : {}) };
      }
      case 'ListTags': {
        const name = /:function:([^:]+)/.exec(route.resource!)?.[1];
        const fn = name ? this.functions.get(`${account}/${name}`) : undefined;
        if (!fn) throw new LambdaError(404, 'ResourceNotFoundException', `Function not found: ${route.resource}`);
        return { Tags: fn.tags };
      }
      default:
    }
    const { fn, qualifier } = this.find(account, route.functionName!, query.get('Qualifier') ?? undefined);
    switch (route.operation) {
      case 'GetFunction':
        return { Configuration: this.configuration(fn, qualifier), Code: { RepositoryType: 'S3', Location: 'https://example.invalid/code.zip' }, Tags: fn.tags };
      case 'GetFunctionConfiguration': {
        const configuration = this.configuration(fn, qualifier);
        if (fn.pendingReads > 0 && qualifier === undefined) fn.pendingReads--;
        return configuration;
      }
      case 'UpdateFunctionCode': {
        if (typeof body.ZipFile !== 'string') throw new LambdaError(400, 'InvalidParameterValueException', 'the fake takes ZipFile only');
        if (body.RevisionId !== undefined && body.RevisionId !== revisionId(fn.revision)) throw new LambdaError(412, 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id.');
        if (fn.pendingReads > 0) throw new LambdaError(409, 'ResourceConflictException', 'The operation cannot be performed at this time. An update is in progress for resource: ' + fn.name);
        const code = Buffer.from(body.ZipFile, 'base64');
        unzip(code); // Lambda refuses a zip it cannot read
        fn.code = code;
        fn.codeSha256 = b64sha(code);
        fn.revision++;
        fn.lastModified = new Date().toISOString();
        fn.pendingReads = this.inProgressReads;
        if (body.Publish === true) throw new LambdaError(400, 'InvalidParameterValueException', 'the fake does not publish on update: call PublishVersion');
        return this.configuration(fn);
      }
      case 'PublishVersion': {
        if (fn.pendingReads > 0) throw new LambdaError(409, 'ResourceConflictException', 'The operation cannot be performed at this time. An update is in progress for resource: ' + fn.name);
        if (body.CodeSha256 !== undefined && body.CodeSha256 !== fn.codeSha256) {
          throw new LambdaError(400, 'InvalidParameterValueException', `CodeSHA256 ${body.CodeSha256} does not match the function's code ${fn.codeSha256}`);
        }
        const last = fn.versions[fn.versions.length - 1];
        // Like Lambda: the same code and configuration as the last version publishes nothing new.
        if (last.codeSha256 === fn.codeSha256) return this.configuration(fn, last.version);
        const v: Version = { version: String(Number(last.version) + 1), code: fn.code, codeSha256: fn.codeSha256, description: String(body.Description ?? '') };
        fn.versions.push(v);
        return this.configuration(fn, v.version);
      }
      case 'ListVersionsByFunction':
        return { Versions: [this.configuration(fn), ...fn.versions.map((v) => this.configuration(fn, v.version))] };
      case 'ListAliases':
        return { Aliases: [...fn.aliases.keys()].map((a) => this.alias(fn, a)) };
      case 'GetAlias':
        if (!fn.aliases.has(route.alias!)) throw new LambdaError(404, 'ResourceNotFoundException', `Alias not found: ${route.alias}`);
        return this.alias(fn, route.alias!);
      case 'UpdateAlias': {
        const alias = fn.aliases.get(route.alias!);
        if (!alias) throw new LambdaError(404, 'ResourceNotFoundException', `Alias not found: ${route.alias}`);
        if (body.RevisionId !== undefined && body.RevisionId !== revisionId(alias.revision)) throw new LambdaError(412, 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id.');
        if (body.FunctionVersion !== undefined) {
          if (!fn.versions.some((v) => v.version === body.FunctionVersion)) throw new LambdaError(404, 'ResourceNotFoundException', `Function not found: ${fn.name}:${body.FunctionVersion}`);
          alias.version = String(body.FunctionVersion);
          alias.revision++;
        }
        return this.alias(fn, route.alias!);
      }
      default:
        throw new LambdaError(400, 'UnsupportedOperation', route.operation);
    }
  }

  /** A function by name, ARN or partial ARN (with a qualifier after `:`), in the caller's account only. */
  private find(account: string, ref: string, qualifier: string | undefined): { fn: FakeFunction; qualifier?: string } {
    const arn = /^(?:arn:aws:lambda:[a-z0-9-]+:(\d{12}):function:)?([^:]+)(?::([^:]+))?$/.exec(ref);
    const fn = arn && (arn[1] === undefined || arn[1] === account) ? this.functions.get(`${account}/${arn[2]}`) : undefined;
    if (!fn) throw new LambdaError(404, 'ResourceNotFoundException', `Function not found: arn:aws:lambda:${REGION}:${account}:function:${ref}`);
    return { fn, qualifier: qualifier ?? arn![3] };
  }

  private configuration(fn: FakeFunction, qualifier?: string): Record<string, unknown> {
    const version = qualifier === undefined || qualifier === '$LATEST' ? undefined : fn.aliases.get(qualifier)?.version ?? qualifier;
    const v = version === undefined ? undefined : fn.versions.find((x) => x.version === version);
    if (version !== undefined && !v) throw new LambdaError(404, 'ResourceNotFoundException', `Function not found: ${fn.name}:${qualifier}`);
    const inProgress = fn.pendingReads > 0;
    return {
      FunctionName: fn.name,
      FunctionArn: `arn:aws:lambda:${REGION}:${fn.account}:function:${fn.name}${version ? `:${version}` : ''}`,
      Runtime: fn.runtime,
      Handler: fn.handler,
      CodeSize: (v?.code ?? fn.code).length,
      CodeSha256: v?.codeSha256 ?? fn.codeSha256,
      Version: version ?? '$LATEST',
      Description: v?.description ?? '',
      LastModified: fn.lastModified,
      State: 'Active',
      LastUpdateStatus: v || !inProgress ? 'Successful' : 'InProgress',
      RevisionId: revisionId(fn.revision),
      PackageType: 'Zip',
    };
  }

  private alias(fn: FakeFunction, name: string): Record<string, unknown> {
    const a = fn.aliases.get(name)!;
    return {
      AliasArn: `arn:aws:lambda:${REGION}:${fn.account}:function:${fn.name}:${name}`,
      Name: name,
      FunctionVersion: a.version,
      Description: '',
      RevisionId: revisionId(a.revision),
    };
  }
}

function b64sha(data: Buffer): string {
  return createHash('sha256').update(data).digest('base64');
}

function revisionId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
