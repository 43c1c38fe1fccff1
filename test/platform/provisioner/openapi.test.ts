// Issue 24 §4: the API is published as an OpenAPI 3.1 document generated from the same code: the
// route table the handler answers and the spec module's JSON Schema. The committed
// docs/platform/openapi.json must be the generated one; refresh it with
//   UPDATE_OPENAPI=1 npx jest test/platform/provisioner/openapi.test.ts
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CALLER, devSpec, testConfig } from './support';
import { API_ROUTES } from '../../../src/platform/provisioner/api-routes';
import { handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { provisionerOpenApiDocument } from '../../../src/platform/provisioner/openapi';
import { Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { AUTHORIZED_ROUTES } from '../../../src/platform/provisioner/scopes-api.lambda-shared';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020').default;

const FILE = path.join(__dirname, '..', '..', '..', 'docs', 'platform', 'openapi.json');
const SOURCE = path.join(__dirname, '..', '..', '..', 'src', 'platform', 'provisioner', 'api.lambda-shared.ts');
const API_VERSION = '1';
const generated = `${JSON.stringify(provisionerOpenApiDocument(API_VERSION), null, 2)}\n`;
const doc = JSON.parse(generated);
const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
  .flatMap(([resource, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${resource}`)).sort();

test('the committed docs/platform/openapi.json is what the code generates', () => {
  if (process.env.UPDATE_OPENAPI === '1') writeFileSync(FILE, generated);
  expect(readFileSync(FILE, 'utf8')).toBe(generated);
});

test('every route the handler answers is in the document, and every documented route is answered', async () => {
  const cases = [...readFileSync(SOURCE, 'utf8').matchAll(/case '((?:GET|POST|PATCH|PUT|DELETE) \/[A-Za-z{}/]*)'/g)].map((m) => m[1]).sort();
  expect(cases.length).toBeGreaterThanOrEqual(15);
  expect(documented).toEqual(cases);
  expect(Object.keys(AUTHORIZED_ROUTES).sort()).toEqual(documented);
  // and the handler routes each of them (no 'no route' 404), before it reads anything
  const registry = new Registry({ send: async () => ({}) } as never, 'none');
  for (const route of API_ROUTES) {
    const res = await handleApiRequest({
      resource: route.resource,
      httpMethod: route.method,
      body: '{"__proto__": 1}',
      pathParameters: Object.fromEntries([...route.resource.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'bad id!'])),
      requestContext: { identity: { userArn: CALLER } },
    }, { registry, config: testConfig('none'), workflows: { startExecution: async () => undefined, sendTaskSuccess: async () => undefined } });
    expect([`${route.method} ${route.resource}`, res.body]).not.toEqual([`${route.method} ${route.resource}`, expect.stringContaining('no route')]);
  }
});

test('the request schemas accept what the handler accepts and refuse what it refuses', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: 'doc', components: doc.components });
  const bodySchema = (operationId: string) => {
    const route = API_ROUTES.find((r) => r.operationId === operationId)!;
    return ajv.compile({ ...JSON.parse(JSON.stringify(route.body).replace(/"#\/components/g, '"doc#/components')) });
  };
  const cases: Array<[string, unknown, boolean]> = [
    ['createTenant', { spec: devSpec('acme'), release: '1.2.0' }, true],
    ['createTenant', { spec: { ...devSpec('acme'), tier: 'STAGING' } }, false],
    ['createTenant', { spec: devSpec('acme'), size: 'XL' }, false],
    ['changeTenant', { settings: { database: { maxCapacity: 4 } }, expectedVersion: 2 }, true],
    ['changeTenant', { state: 'PAUSED' }, false],
    ['pushCode', { zipBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', sha256: 'a'.repeat(64) }, true],
    ['pushCode', { zipBase64: 'UEs=', sha256: 'XYZ' }, false],
    ['startLogQuery', { since: '2026-12-06T20:00:00Z', filter: 'error', limit: 50 }, true],
    ['startLogQuery', { since: '2026-12-06T20:00:00Z', limit: 5000 }, false],
    ['startRollout', { release: '2.0.0', canaries: ['acme'], toleratedFailurePercentage: 5 }, true],
    ['startRollout', { canaryPercent: 10 }, false],
    ['approveWave', { approved: true, comment: 'ok' }, true],
  ];
  for (const [operationId, body, valid] of cases) {
    expect([operationId, body, bodySchema(operationId)(body)]).toEqual([operationId, body, valid]);
  }
});

test('the document is OpenAPI 3.1 and its TenantSpec is the spec module\'s schema', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.components.schemas.TenantSpec.additionalProperties).toBe(false);
  expect(JSON.stringify(doc.components.schemas)).not.toContain('#/definitions/');
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['TenantSpec', 'TenantDatabaseSpec', 'Problem', 'Conflict', 'LogPage']));
});
