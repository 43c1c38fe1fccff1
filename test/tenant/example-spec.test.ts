import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readSpecFromEnvironment } from '../../examples/platform/config';
import { buildTenantApp } from '../../examples/platform/platform';
import { TenantSpecSchema, parseTenantSpecs } from '../../src/tenant';
import { testApp } from '../support/app';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'platform');

describe('the example platform app\'s tenants file', () => {
  const text = fs.readFileSync(path.join(EXAMPLE, 'tenants.json'), 'utf8');
  const json = JSON.parse(text);

  test('names the shipped JSON Schema in $schema, and the path resolves', () => {
    expect(json.$schema).toBe('../../schema/tenant-spec.schema.json');
    expect(JSON.parse(fs.readFileSync(path.resolve(EXAMPLE, json.$schema), 'utf8'))).toEqual(TenantSpecSchema.json());
  });

  test('parses, and the schema agrees', () => {
    expect(parseTenantSpecs(json).map((t) => t.tenantId)).toEqual(['acme', 'globex', 'initech-dev']);
    const validate = new Ajv({ allErrors: true, strictRequired: false }).compile(TenantSpecSchema.json());
    expect(validate(json)).toBe(true);
  });

  test('commits no link external id (they are generated per tenant and kept by the platform)', () => {
    for (const file of fs.readdirSync(EXAMPLE).filter((f) => f.endsWith('.json'))) {
      expect(fs.readFileSync(path.join(EXAMPLE, file), 'utf8')).not.toMatch(/externalId/i);
    }
  });
});

describe('the example platform app for one operation of the provisioner (TENANT_SPEC_JSON)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('synthesizes exactly the requested tenant stack, in the spec\'s account and region, with the given external id', () => {
    process.env.TENANT_SPEC_JSON = JSON.stringify({ tenantId: 'initech-dev', tier: 'DEVELOPMENT', account: '410987654321', database: {}, function: {} });
    process.env.TENANT_EXTERNAL_ID = 'a'.repeat(8) + '0123456789abcdef0123456789abcdef';
    const one = readSpecFromEnvironment()!;
    const app = testApp();
    buildTenantApp(app, one.platform, one.spec, one.externalId, 'Tenant-initech-dev');
    const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
    expect(stacks.map((s) => [s.stackName, s.account, s.region])).toEqual([['Tenant-initech-dev', '410987654321', 'us-east-1']]);
    expect(one.generated).toBe(false);
    expect(JSON.stringify(Template.fromStack(stacks[0]).findResources('AWS::IAM::Role'))).toContain(process.env.TENANT_EXTERNAL_ID);
  });

  test('throws when TENANT_SPEC_JSON is invalid, with every problem', () => {
    process.env.TENANT_SPEC_JSON = JSON.stringify({ tenantId: 'initech-dev', tier: 'prod', account: 410987654321 });
    expect(() => readSpecFromEnvironment()).toThrow(
      'TENANT_SPEC_JSON: Invalid tenant spec "initech-dev":\n' +
      "- tier: must be \"DEVELOPMENT\" or \"PRODUCTION\" (got: 'prod')\n" +
      '- account: must be a string of 12 digits, e.g. "012345678901" (a JSON number loses leading zeros) (got: 410987654321)',
    );
  });

  test('is not used without TENANT_SPEC_JSON (the whole fleet from tenants.json)', () => {
    delete process.env.TENANT_SPEC_JSON;
    expect(readSpecFromEnvironment()).toBeUndefined();
  });
});
