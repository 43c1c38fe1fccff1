/**
 * What every route module of the provisioner's API shares: the handler's dependencies, the event
 * and answer shapes, the error type every route throws and the small validators. No route here:
 * the routes are api.lambda-shared.ts (tenants, operations, rollouts), api-code-push.lambda-shared.ts
 * and api-logs.lambda-shared.ts; the route table is api-routes.ts.
 */
import type { CodePushTarget } from './code-push.lambda-shared';
import type { ProvisionerConfig } from './config.lambda-shared';
import type { LogAccess } from './logs.lambda-shared';
import type { Registry } from './registry.lambda-shared';

/** What the API needs from Step Functions. */
export interface WorkflowStarter {
  /** Starts an execution named `name` (idempotent on the name). */
  startExecution(stateMachineArn: string, name: string, input: Record<string, unknown>): Promise<void>;
  /** Completes a task token (approval between rollout waves). */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
}

/** The API's dependencies (real clients in the handler, real dynalite and a local interpreter in tests). */
export interface ApiDependencies {
  readonly registry: Registry;
  readonly workflows: WorkflowStarter;
  readonly config: ProvisionerConfig;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Id generator for operations and rollouts. @default randomUUID */
  readonly newId?: () => string;
  /** Where code pushes go (`POST /tenants/{id}/code`). @default - none: the route answers 501 */
  readonly codePush?: CodePushTarget;
  /** The hub's log queries (`POST /tenants/{id}/logs`). @default - none: the log routes answer 501 */
  readonly logs?: LogAccess;
  /**
   * Whether a release's archive exists (real: S3 HeadObject of `<appSourcePrefix><release>.zip`):
   * a rollout or a pinned release whose archive is missing is refused with a 400.
   * @default - not checked (a provisioner with one bundled release has nothing to look up)
   */
  readonly releaseExists?: (release: string) => Promise<boolean>;
  /** How long a code push holds the tenant's lock at most, in seconds. @default 900 */
  readonly codePushLockSeconds?: number;
  /**
   * The milliseconds left before Lambda stops the handler (`context.getRemainingTimeInMillis()`):
   * a code push waits for Lambda no longer than this less a margin for its own bookkeeping, and
   * holds the tenant's lock for this plus a minute.
   *
   * @default - no deadline: the code-push target's own poll budget, and `codePushLockSeconds`
   */
  readonly remainingTimeMs?: () => number;
  /**
   * Whether a create claims its account in the registry (`ACCOUNT#<account>`, one tenant per
   * account). The authorization in front of the handler sets it unless the provisioner allows
   * shared accounts (`allowSharedTenantAccounts`).
   * @default false - the handler alone (tests of other rules) does not claim accounts
   */
  readonly oneTenantPerAccount?: boolean;
}

/** The part of an API Gateway REST proxy event the API reads. */
export interface ApiEvent {
  readonly resource: string;
  readonly httpMethod: string;
  readonly path?: string;
  readonly headers?: Record<string, string | undefined> | null;
  readonly pathParameters?: Record<string, string | undefined> | null;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly body?: string | null;
  readonly requestContext?: { readonly identity?: { readonly userArn?: string | null; readonly caller?: string | null } | null } | null;
}

/** An API Gateway proxy answer. */
export interface ApiResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The causes a 409 names (api-conflict.lambda-shared.ts). */
export type ConflictCauseName = 'OPERATION_IN_FLIGHT' | 'VERSION_MOVED' | 'STATE' | 'EXISTS' | 'ACCOUNT_TAKEN' | 'REQUEST_IN_PROGRESS' | 'NOT_AWAITING_APPROVAL'
| 'CODE_PUSHED' | 'PRODUCTION_PENDING';

/** Every cause, in the order the docs and the OpenAPI document list them. */
export const CONFLICT_CAUSES: readonly ConflictCauseName[] = [
  'OPERATION_IN_FLIGHT', 'VERSION_MOVED', 'STATE', 'EXISTS', 'ACCOUNT_TAKEN', 'REQUEST_IN_PROGRESS', 'NOT_AWAITING_APPROVAL',
  'CODE_PUSHED', 'PRODUCTION_PENDING',
];

/** Largest body of a code push: Lambda's synchronous payload (6 MB) holds the event with a 4 MiB zip in base64. */
export const MAX_CODE_BODY_BYTES = 6 * 1024 * 1024;

/** An answer other than success: the status, the message, the problems and extra fields. */
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
    public readonly problems?: string[],
    public readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The content type of every answer. */
export const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A JSON answer. */
export function respond(statusCode: number, payload: unknown): ApiResult {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(payload) };
}

/** A problem per field of `req` that is not in `allowed`. */
export function unknownFields(req: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(req).filter((k) => !allowed.includes(k)).map((k) => `${k}: is not a field of this request (allowed: ${allowed.join(', ')})`);
}

/** The problem of an `expectedVersion`, if any. */
export function versionProblems(v: unknown): string[] {
  return v === undefined || (Number.isInteger(v) && (v as number) >= 1)
    ? []
    : [`expectedVersion: must be the tenant's current version, a whole number >= 1 (got: ${JSON.stringify(v)})`];
}

/** The request's header `name` (case-insensitive). */
export function header(event: ApiEvent, name: string): string | undefined {
  for (const [k, v] of Object.entries(event.headers ?? {})) {
    if (k.toLowerCase() === name && v !== undefined) return v;
  }
  return undefined;
}

/** Now, by the dependencies' clock. */
export function clock(deps: Pick<ApiDependencies, 'now'>): Date {
  return (deps.now ?? (() => new Date()))();
}
