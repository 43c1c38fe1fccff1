/**
 * The provisioner API's OpenAPI 3.1 document, generated from the route table the handler answers
 * (api-routes.ts) and the tenant spec's own JSON Schema (src/tenant/tenant-spec-schema.ts): the
 * committed docs/platform/openapi.json is this function's output (a test fails when it differs).
 *
 * Not stable API: not exported from the package's barrels.
 */
import { ANSWER_SCHEMAS, API_ROUTES, JsonSchema } from './api-routes';
import { AUTHORIZED_ROUTES } from './scopes-api.lambda-shared';
import { TenantSpecSchema } from '../../tenant/tenant-spec-schema';

/** The API's OpenAPI 3.1 document. */
export function provisionerOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const params = [...r.resource.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = (r.query ?? []).map((q) => ({ name: q.name, in: 'query', required: false, description: q.description, schema: q.schema }));
    paths[r.resource] = {
      ...(paths[r.resource] ?? {}),
      [r.method.toLowerCase()]: {
        operationId: r.operationId,
        summary: r.summary,
        description: `Scope: ${AUTHORIZED_ROUTES[`${r.method} ${r.resource}`] ?? r.scope}. Writes take an Idempotency-Key header.`,
        ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
        ...(r.body ? {
          requestBody: {
            required: r.bodyOptional !== true,
            content: { 'application/json': { schema: r.body } },
            description: `at most ${r.maxBodyBytes ?? 65536} bytes`,
          },
        } : {}),
        responses: Object.fromEntries(Object.entries(r.responses).map(([status, a]) => [status, {
          description: a.description,
          ...(a.schema ? { content: { 'application/json': { schema: a.schema } } } : {}),
        }])),
        security: [{ sigv4: [] }],
      },
    };
  }
  const spec = TenantSpecSchema.tenantJson();
  const specSchemas = rewriteRefs(spec.definitions as Record<string, JsonSchema>) as Record<string, JsonSchema>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'cdk-tenant-blocks provisioner API',
      version,
      description: 'The TenantProvisioner\'s REST API (stage v1). Every request is SigV4-signed (execute-api) by a caller listed in apiCallers and answered within its scope. docs/platform/provisioner.md explains each route.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { ...specSchemas, ...ANSWER_SCHEMAS },
      securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', description: 'AWS Signature Version 4 (service execute-api), IAM authorization' } },
    },
  };
}

/** The spec schema's draft-07 `#/definitions/X` references as `#/components/schemas/X`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k,
    k === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(v)]));
}
