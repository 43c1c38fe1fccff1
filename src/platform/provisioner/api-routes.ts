/**
 * The provisioner API's routes as data: method, resource, scope, request body schema (JSON Schema
 * 2020-12, what the handler's validation accepts), query parameters and answers. The OpenAPI
 * document (openapi.ts → docs/platform/openapi.json) is generated from this table, and tests check
 * that the handler answers exactly these routes and that the authorization has a rule for each.
 * Pure data (no AWS SDK, no aws-cdk-lib): the construct may build its API Gateway resources from it.
 *
 * Not stable API: not exported from the package's barrels.
 */
import { CONFLICT_CAUSES, MAX_CODE_BODY_BYTES } from './api-support.lambda-shared';
import { MAX_FILTER_CHARS, MAX_LOG_LIMIT } from './logs.lambda-shared';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

/** One query parameter. */
export interface RouteQuery {
  readonly name: string;
  readonly description: string;
  readonly schema: JsonSchema;
}

/** One route of the API. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The API Gateway resource, e.g. `/tenants/{tenantId}`. */
  readonly resource: string;
  /** A unique name (OpenAPI `operationId`, the client's method name). */
  readonly operationId: string;
  readonly summary: string;
  /** The scope actions it needs (as the authorization decides them). */
  readonly scope: string;
  /** The request body's schema; absent: no body. */
  readonly body?: JsonSchema;
  /** Whether the body may be left out. @default false */
  readonly bodyOptional?: boolean;
  /** Largest body in bytes. @default 65536 */
  readonly maxBodyBytes?: number;
  readonly query?: RouteQuery[];
  /** Status → description and body schema (a `$ref` into the components, or inline). */
  readonly responses: Readonly<Record<string, { readonly description: string; readonly schema?: JsonSchema }>>;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const RELEASE: JsonSchema = text('a release label', { pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$' });
const VERSION: JsonSchema = { type: 'integer', minimum: 1, description: 'the tenant version the change was read at (optimistic locking)' };
const paging: RouteQuery[] = [
  { name: 'limit', description: 'items per page', schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
  { name: 'nextToken', description: 'the token of the previous page', schema: { type: 'string' } },
];
const problem = (description: string) => ({ description, schema: ref('Problem') });
const CONFLICT = { description: 'conflict: `cause` says which (another operation, named in `operation`; a newer version, `expectedVersion` and `currentVersion`; the state)', schema: ref('Conflict') };
const BAD = problem('invalid request: `problems` lists every problem with its JSON path');
const MISSING = problem('no such item');
const FORBIDDEN = problem('outside the caller\'s scope');

/** Every route the handler answers. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    resource: '/tenants',
    operationId: 'createTenant',
    summary: 'Create a tenant (or retry a create that never deployed, or a new incarnation of a destroyed one)',
    scope: 'CREATE on the spec\'s tenant id and account; a release: ROLLOUT; database.backupCopyVaultArn: PLATFORM_SETTINGS',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['spec'],
      properties: { spec: ref('TenantSpec'), release: RELEASE, inMaintenanceWindow: { type: 'boolean' } },
    },
    responses: { 201: { description: 'the tenant (PENDING) and its CREATE operation', schema: ref('TenantAndOperation') }, 400: BAD, 403: FORBIDDEN, 409: CONFLICT },
  },
  {
    method: 'GET',
    resource: '/tenants',
    operationId: 'listTenants',
    summary: 'List the tenants the caller may read, by id',
    scope: 'READ',
    query: paging,
    responses: { 200: { description: 'a page of tenants', schema: { type: 'object', properties: { tenants: { type: 'array', items: ref('Tenant') }, nextToken: { type: ['string', 'null'] } } } }, 400: BAD, 403: FORBIDDEN },
  },
  {
    method: 'GET',
    resource: '/tenants/{tenantId}',
    operationId: 'getTenant',
    summary: 'Read a tenant and its newest operation',
    scope: 'READ (linkExternalId: ASSUME_LINK)',
    responses: { 200: { description: 'the tenant', schema: { type: 'object', properties: { tenant: ref('Tenant'), lastOperation: { oneOf: [ref('Operation'), { type: 'null' }] } } } }, 403: FORBIDDEN, 404: MISSING },
  },
  {
    method: 'PATCH',
    resource: '/tenants/{tenantId}',
    operationId: 'changeTenant',
    summary: 'Change settings or release (202), or suspend/resume (200)',
    scope: 'CHANGE_SETTINGS (settings), SUSPEND_RESUME (state), ROLLOUT (release), PLATFORM_SETTINGS (database.backupCopyVaultArn)',
    body: {
      type: 'object',
      additionalProperties: false,
      properties: {
        settings: { type: 'object', description: 'a JSON merge patch of the spec' },
        expectedVersion: VERSION,
        release: RELEASE,
        inMaintenanceWindow: { type: 'boolean' },
        state: { enum: ['SUSPENDED', 'ACTIVE'] },
      },
    },
    responses: {
      200: { description: 'SUSPEND or RESUME done (registry only)', schema: ref('TenantAndOperation') },
      202: { description: 'the UPDATE operation started', schema: ref('TenantAndOperation') },
      400: BAD,
      403: FORBIDDEN,
      404: MISSING,
      409: CONFLICT,
    },
  },
  {
    method: 'DELETE',
    resource: '/tenants/{tenantId}',
    operationId: 'destroyTenant',
    summary: 'Destroy a tenant (PRODUCTION: suspended first, and confirmed)',
    scope: 'DESTROY',
    body: { type: 'object', additionalProperties: false, properties: { confirm: text('the tenant id, for a PRODUCTION tenant'), expectedVersion: VERSION } },
    bodyOptional: true,
    query: [{ name: 'confirm', description: 'the tenant id (instead of the body\'s confirm)', schema: { type: 'string' } }],
    responses: { 202: { description: 'the DESTROY operation started', schema: ref('TenantAndOperation') }, 400: BAD, 403: FORBIDDEN, 404: MISSING, 409: CONFLICT },
  },
  {
    method: 'GET',
    resource: '/tenants/{tenantId}/operations',
    operationId: 'listOperations',
    summary: 'A tenant\'s history, newest first (one incarnation)',
    scope: 'READ',
    query: [...paging, { name: 'incarnation', description: 'an earlier incarnation (default: the current one)', schema: { type: 'integer', minimum: 1 } }],
    responses: { 200: { description: 'a page of operations', schema: { type: 'object', properties: { incarnation: { type: 'integer' }, operations: { type: 'array', items: ref('Operation') }, nextToken: { type: ['string', 'null'] } } } }, 400: BAD, 403: FORBIDDEN, 404: MISSING },
  },
  {
    method: 'POST',
    resource: '/tenants/{tenantId}/drift',
    operationId: 'detectDrift',
    summary: 'Compare the tenant\'s stack with its template',
    scope: 'DRIFT',
    responses: { 202: { description: 'the DRIFT operation started', schema: ref('TenantAndOperation') }, 403: FORBIDDEN, 404: MISSING, 409: CONFLICT },
  },
  {
    method: 'POST',
    resource: '/tenants/{tenantId}/code',
    operationId: 'pushCode',
    summary: 'Push function code to a tenant whose deployed tier is DEVELOPMENT (no deploy; the next deploy or rollout puts the release\'s code back)',
    scope: 'CODE_PUSH',
    maxBodyBytes: MAX_CODE_BODY_BYTES,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['zipBase64', 'sha256'],
      properties: {
        zipBase64: text('the zip archive, base64; at most 4 MiB decoded and 250 MB unzipped', { contentEncoding: 'base64', contentMediaType: 'application/zip' }),
        sha256: text('SHA-256 of the zip bytes, hex', { pattern: '^[0-9a-f]{64}$' }),
        expectedVersion: VERSION,
      },
    },
    responses: {
      200: {
        description: 'the code runs; recorded as a CODE_PUSH operation',
        schema: {
          type: 'object',
          required: ['operationId', 'functionName', 'version', 'codeSha256', 'restoredBy'],
          properties: { operationId: { type: 'string' }, functionName: { type: 'string' }, version: { type: 'string' }, codeSha256: { type: 'string' }, restoredBy: { type: 'string' } },
        },
      },
      400: BAD,
      403: FORBIDDEN,
      404: MISSING,
      409: CONFLICT,
      413: problem('the zip is over 4 MiB decoded, or unzips to more than 250 MB'),
      501: problem('this provisioner has no code push configured'),
      502: problem('Lambda refused the code (the operation is FAILED with the reason)'),
      504: problem('Lambda did not finish the update before the API function had to answer (the operation is FAILED, the tenant keeps its code push mark)'),
    },
  },
  {
    method: 'POST',
    resource: '/tenants/{tenantId}/logs',
    operationId: 'startLogQuery',
    summary: 'Start a query of the tenant\'s function and database log lines in the hub',
    scope: 'READ_LOGS',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['since'],
      properties: {
        since: text('start (ISO 8601)', { format: 'date-time' }),
        until: text('end (ISO 8601); at most 31 days after since', { format: 'date-time' }),
        filter: text('case-insensitive text a line must contain', { maxLength: MAX_FILTER_CHARS }),
        limit: { type: 'integer', minimum: 1, maximum: MAX_LOG_LIMIT, default: 100 },
      },
    },
    responses: {
      202: { description: 'the query started; read it with its id', schema: { type: 'object', required: ['queryId'], properties: { queryId: { type: 'string' } } } },
      400: BAD,
      403: FORBIDDEN,
      404: MISSING,
      409: CONFLICT,
      501: problem('this provisioner has no hub log access configured'),
    },
  },
  {
    method: 'GET',
    resource: '/tenants/{tenantId}/logs/{queryId}',
    operationId: 'readLogQuery',
    summary: 'Read a log query\'s lines, merged by time, page by page',
    scope: 'READ_LOGS (a query of this tenant only)',
    query: [{ name: 'nextToken', description: 'the token of the previous page', schema: { type: 'string' } }],
    responses: { 200: { description: 'its status and a page of lines', schema: ref('LogPage') }, 400: BAD, 403: FORBIDDEN, 404: MISSING, 501: problem('this provisioner has no hub log access configured') },
  },
  {
    method: 'GET',
    resource: '/operations/{operationId}',
    operationId: 'getOperation',
    summary: 'Read one operation',
    scope: 'READ on its tenant',
    responses: { 200: { description: 'the operation', schema: { type: 'object', properties: { operation: ref('Operation') } } }, 403: FORBIDDEN, 404: MISSING },
  },
  {
    method: 'POST',
    resource: '/rollouts',
    operationId: 'startRollout',
    summary: 'Roll a release across the fleet in waves',
    scope: 'ROLLOUT over the fleet',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['release'],
      properties: {
        release: RELEASE,
        canaries: { type: 'array', maxItems: 100, items: { type: 'string' } },
        canaryPercent: { type: 'integer', minimum: 1, maximum: 50 },
        waveSize: { type: 'integer', minimum: 1, maximum: 10000 },
        maxConcurrency: { type: 'integer', minimum: 1, maximum: 1000 },
        toleratedFailurePercentage: { type: 'integer', minimum: 0, maximum: 100 },
        approvalBetweenWaves: { type: 'boolean' },
        respectMaintenanceWindows: { type: 'boolean' },
      },
    },
    responses: { 202: { description: 'the rollout started', schema: { type: 'object', properties: { rollout: ref('Rollout') } } }, 400: problem('invalid request, a canary that is not an ACTIVE tenant, or a release without an archive'), 403: FORBIDDEN },
  },
  {
    method: 'GET',
    resource: '/rollouts',
    operationId: 'listRollouts',
    summary: 'List rollouts, newest first',
    scope: 'READ, ROLLOUT or APPROVE over the fleet',
    query: paging,
    responses: { 200: { description: 'a page of rollouts', schema: { type: 'object', properties: { rollouts: { type: 'array', items: ref('Rollout') }, nextToken: { type: ['string', 'null'] } } } }, 400: BAD, 403: FORBIDDEN },
  },
  {
    method: 'GET',
    resource: '/rollouts/{rolloutId}',
    operationId: 'getRollout',
    summary: 'Read a rollout; with wave, one page of that wave\'s tenants and their steps',
    scope: 'READ, ROLLOUT or APPROVE over the fleet',
    query: [
      { name: 'wave', description: 'a wave index', schema: { type: 'integer', minimum: 0 } },
      { name: 'page', description: 'a page of the wave', schema: { type: 'integer', minimum: 0 } },
    ],
    responses: { 200: { description: 'the rollout (and a page of a wave)', schema: { type: 'object', properties: { rollout: ref('Rollout'), wave: { type: 'object' } } } }, 400: BAD, 403: FORBIDDEN, 404: MISSING },
  },
  {
    method: 'POST',
    resource: '/rollouts/{rolloutId}/approval',
    operationId: 'approveWave',
    summary: 'Approve (or stop) the next wave',
    scope: 'APPROVE over the fleet, not the requester',
    body: { type: 'object', additionalProperties: false, required: ['approved'], properties: { approved: { type: 'boolean' }, comment: { type: 'string', maxLength: 1000 } } },
    responses: { 200: { description: 'the decision, recorded in the rollout\'s approvals', schema: { type: 'object' } }, 400: BAD, 403: FORBIDDEN, 404: MISSING, 409: CONFLICT },
  },
];

/** Shapes the answers refer to (besides TenantSpec, which is the spec module's own schema). */
export const ANSWER_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Problem: {
    type: 'object',
    required: ['message'],
    properties: { message: { type: 'string' }, problems: { type: 'array', items: { type: 'string' }, maxItems: 51 } },
  },
  Conflict: {
    type: 'object',
    required: ['message', 'cause'],
    properties: {
      message: { type: 'string' },
      cause: { enum: [...CONFLICT_CAUSES] },
      operation: {
        type: 'object',
        description: 'cause OPERATION_IN_FLIGHT: the operation that holds the lock',
        properties: { operationId: { type: 'string' }, type: { type: ['string', 'null'] }, status: { type: ['string', 'null'] }, startedAt: { type: ['string', 'null'] }, requestedBy: { type: ['string', 'null'] } },
      },
      expectedVersion: { type: 'integer', description: 'cause VERSION_MOVED' },
      currentVersion: { type: 'integer', description: 'cause VERSION_MOVED' },
      state: { type: ['string', 'null'], description: 'cause STATE or EXISTS' },
    },
  },
  Tenant: {
    type: 'object',
    properties: {
      tenantId: { type: 'string' },
      account: { type: 'string' },
      region: { type: 'string' },
      tier: { type: 'string' },
      state: { enum: ['PENDING', 'ACTIVE', 'SUSPENDED', 'DESTROYED'] },
      version: { type: 'integer' },
      release: { type: 'string' },
      spec: ref('TenantSpec'),
      deployedSpec: ref('TenantSpec'),
      deployedTier: { type: 'string' },
      deployedRelease: { type: 'string' },
      incarnation: { type: 'integer' },
      operationInFlight: { type: ['string', 'null'] },
      codePush: { type: 'object', properties: { sha256: { type: 'string' }, operationId: { type: 'string' }, at: { type: 'string' } } },
      linkExternalId: { type: ['string', 'null'] },
    },
  },
  Operation: {
    type: 'object',
    properties: {
      operationId: { type: 'string' },
      tenantId: { type: 'string' },
      type: { enum: ['CREATE', 'UPDATE', 'DEPLOY', 'DRIFT', 'SUSPEND', 'RESUME', 'DESTROY', 'CODE_PUSH'] },
      status: { enum: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'REJECTED'] },
      requestedBy: { type: 'string' },
      requestedAt: { type: 'string' },
      startedAt: { type: 'string' },
      finishedAt: { type: 'string' },
      release: { type: 'string' },
      changes: { type: 'array', items: { type: 'object' } },
      reason: { type: 'string' },
      outcome: { type: 'object' },
    },
  },
  TenantAndOperation: { type: 'object', properties: { tenant: ref('Tenant'), operation: ref('Operation') } },
  Rollout: { type: 'object', properties: { rolloutId: { type: 'string' }, release: { type: 'string' }, status: { type: 'string' }, requestedBy: { type: 'string' }, waves: { type: 'array' } } },
  LogPage: {
    type: 'object',
    required: ['status', 'lines'],
    properties: {
      status: { enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] },
      lines: {
        type: 'array',
        items: {
          type: 'object',
          required: ['timestamp', 'source', 'requestId', 'level', 'message'],
          properties: {
            timestamp: { type: 'string', format: 'date-time' },
            source: { enum: ['function', 'database'] },
            requestId: { type: ['string', 'null'] },
            level: { type: ['string', 'null'] },
            message: { type: 'string' },
          },
        },
      },
      nextToken: { type: 'string' },
      error: { type: 'string' },
    },
  },
};
