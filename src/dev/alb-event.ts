/**
 * The Application Load Balancer's Lambda contract, as `TenantFunction` configures it (a Lambda
 * target group without multi-value headers), for `tenant-blocks dev`: the event the handler gets
 * for an HTTP request and the HTTP response its result becomes.
 *
 * What the ALB does (AWS's "Lambda functions as targets" documentation), and so what this does:
 * - header names lowercase; with multi-value headers off, a repeated header or query parameter
 *   arrives once, with its LAST value;
 * - query parameters are passed as they were sent (still percent-encoded, not decoded);
 * - the body is base64-encoded (`isBase64Encoded: true`) unless its content type is `text/*`,
 *   `application/json`, `application/javascript` or `application/xml` (nothing else, not even form
 *   data or `+json` types); an empty body is `''`;
 * - a request or response body over 1 MB is refused (413 / 502), as the ALB's Lambda limit;
 * - the ALB adds `x-forwarded-for`, `x-forwarded-port`, `x-forwarded-proto` and `x-amzn-trace-id`;
 * - the response's `statusCode` (required), `statusDescription`, `headers` and `body` (base64 when
 *   `isBase64Encoded`) become the HTTP response; a result that is not such an object is a 502.
 *
 * Internal: not exported from the package's barrels.
 */
import { randomBytes } from 'crypto';

/** The event the ALB sends a Lambda target (multi-value headers off). */
export interface AlbEvent {
  readonly requestContext: { readonly elb: { readonly targetGroupArn: string } };
  readonly httpMethod: string;
  readonly path: string;
  readonly queryStringParameters: { [name: string]: string };
  readonly headers: { [name: string]: string };
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** An HTTP request as the local server received it. */
export interface LocalRequest {
  readonly method: string;
  /** The request target: path and query string, as sent. */
  readonly url: string;
  /** Raw header name/value pairs in order (Node's `rawHeaders`). */
  readonly rawHeaders: string[];
  readonly body: Buffer;
  readonly remoteAddress: string;
  readonly port: number;
}

/** An HTTP response to send. */
export interface LocalResponse {
  readonly status: number;
  readonly statusMessage?: string;
  readonly headers: { [name: string]: string };
  readonly body: Buffer;
}

/** The content types the ALB passes as text (AWS: "Lambda functions as targets", the request body). */
const TEXT_TYPES = [/^text\//, /^application\/json\s*(;|$)/, /^application\/javascript\s*(;|$)/, /^application\/xml\s*(;|$)/];

/** The ALB's limit on a Lambda target's request and response body (1 MB). */
export const ALB_LAMBDA_BODY_LIMIT = 1024 * 1024;

/** The target group ARN the local server names in every event (an ARN of the right shape). */
export const LOCAL_TARGET_GROUP_ARN = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tenant-blocks-dev/0000000000000000';

/** Whether the ALB passes a body of this content type as text (else base64). */
export function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.toLowerCase().trim();
  return TEXT_TYPES.some((re) => re.test(type));
}

/** The ALB's event for a request. */
export function albEventFromRequest(req: LocalRequest): AlbEvent {
  const headers: { [name: string]: string } = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    // multi-value headers off: the last value of a repeated header wins
    headers[req.rawHeaders[i].toLowerCase()] = req.rawHeaders[i + 1];
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${req.remoteAddress}` : req.remoteAddress;
  headers['x-forwarded-port'] = String(req.port);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] = `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const queryStringParameters: { [name: string]: string } = {};
  if (q >= 0) {
    for (const pair of req.url.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      // still percent-encoded, as the ALB passes them; the last value of a repeated name wins
      queryStringParameters[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
    }
  }
  const text = req.body.length === 0 || isTextContent(headers['content-type']);
  return {
    requestContext: { elb: { targetGroupArn: LOCAL_TARGET_GROUP_ARN } },
    httpMethod: req.method,
    path,
    queryStringParameters,
    headers,
    body: text ? req.body.toString('utf8') : req.body.toString('base64'),
    isBase64Encoded: !text,
  };
}

/** The event of the ALB's health check on `path` (TenantFunction's `/healthz`). */
export function albHealthCheckEvent(path: string): AlbEvent {
  return {
    requestContext: { elb: { targetGroupArn: LOCAL_TARGET_GROUP_ARN } },
    httpMethod: 'GET',
    path,
    queryStringParameters: {},
    headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
    body: '',
    isBase64Encoded: false,
  };
}

/** The HTTP response the ALB makes of a handler's result (502 for a result it cannot use). */
export function httpResponseFromResult(result: unknown): LocalResponse {
  if (typeof result !== 'object' || result === null || typeof (result as { statusCode?: unknown }).statusCode !== 'number') {
    return { status: 502, statusMessage: 'Bad Gateway', headers: { 'content-type': 'text/plain' }, body: Buffer.from('502 Bad Gateway: the function returned no statusCode (as the ALB would answer)\n') };
  }
  const r = result as { statusCode: number; statusDescription?: unknown; headers?: unknown; body?: unknown; isBase64Encoded?: unknown };
  const headers: { [name: string]: string } = {};
  if (typeof r.headers === 'object' && r.headers !== null) {
    for (const [name, value] of Object.entries(r.headers)) headers[name.toLowerCase()] = String(value);
  }
  const body = typeof r.body === 'string' ? Buffer.from(r.body, r.isBase64Encoded === true ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (body.length > ALB_LAMBDA_BODY_LIMIT) {
    return { status: 502, statusMessage: 'Bad Gateway', headers: { 'content-type': 'text/plain' }, body: Buffer.from('502 Bad Gateway: the response body is over 1 MB (the ALB\'s limit for a Lambda target)\n') };
  }
  const description = typeof r.statusDescription === 'string' ? r.statusDescription.replace(/^\d+\s+/, '') : undefined;
  return { status: r.statusCode, statusMessage: description, headers, body };
}
