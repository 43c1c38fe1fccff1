/* eslint-disable import/no-extraneous-dependencies -- bundled into the CLI at build time (esbuild), never loaded from lib/ */
/**
 * The provisioner API, signed with SigV4 (`execute-api`) from the standard AWS credential chain
 * (environment, shared config and SSO profiles, web identity, container and instance roles).
 */
import { randomUUID } from 'crypto';
import * as http from 'http';
import * as https from 'https';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';

/** An answer of the API. */
export interface ApiAnswer {
  readonly status: number;
  readonly json: any;
}

/** Where the API is and who signs. */
export interface ClientOptions {
  /** The API's URL with its stage, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/v1`. */
  readonly endpoint: string;
  readonly region: string;
  /** An AWS profile of the shared config; else the default chain. */
  readonly profile?: string;
}

/** Retries of a request that got no answer or a 5xx (writes keep their Idempotency-Key). */
const ATTEMPTS = 3;

/** A signed client of the provisioner's API. */
export class ApiClient {
  private readonly base: URL;
  private readonly signer: SignatureV4;

  constructor(options: ClientOptions) {
    this.base = new URL(options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`);
    this.signer = new SignatureV4({
      service: 'execute-api',
      region: options.region,
      credentials: fromNodeProviderChain(options.profile ? { profile: options.profile } : {}),
      sha256: Sha256,
    });
  }

  /** Sends one request; a write carries an Idempotency-Key (given, or a new one) that its retries reuse. */
  public async request(
    method: string, path: string, options: { query?: Record<string, string | undefined>; body?: unknown; idempotencyKey?: string } = {},
  ): Promise<ApiAnswer> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { host: url.host, accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      // Node frames a DELETE body only with an explicit length.
      headers['content-length'] = String(Buffer.byteLength(body, 'utf8'));
    }
    // A key derived from the change (e.g. an apply) makes a re-run repeat nothing; else one per request, reused by its retries.
    if (method !== 'GET') headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const answer = await this.send(method, url, headers, body);
        if (answer.status < 500 || attempt === ATTEMPTS) return answer;
      } catch (e) {
        lastError = e;
        if (attempt === ATTEMPTS) break;
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    throw new Error(`no answer from ${this.base.origin}: ${(lastError as Error)?.message ?? 'unknown error'}`);
  }

  private async send(method: string, url: URL, headers: Record<string, string>, body: string | undefined): Promise<ApiAnswer> {
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => { query[k] = v; });
    const signed = await this.signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers,
      body,
    });
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise<ApiAnswer>((resolve, reject) => {
      const req = transport.request(url, { method, headers: signed.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            json = { message: text.slice(0, 500) };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      });
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}
