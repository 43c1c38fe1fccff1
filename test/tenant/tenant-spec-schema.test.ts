import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { INVALID_SPECS, VALID_SPECS, fullSpec, minimalSpec } from './fixtures';
import { schemaFiles } from './schema-files';
import { TenantSpecSchema, validateTenantSpecFile } from '../../src/tenant';

function fileValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  return ajv.compile(TenantSpecSchema.json());
}

describe('TenantSpecSchema', () => {
  const validate = fileValidator();

  test.each(VALID_SPECS)('accepts %s, as the parser does', (_name, spec) => {
    const file = { $schema: '../schema/tenant-spec.schema.json', tenants: [spec()] };
    expect(validateTenantSpecFile(file)).toEqual([]);
    expect(validate(file)).toBe(true);
  });

  const agree = INVALID_SPECS.filter((c) => c.schemaRejects);
  test.each(agree.map((c) => [c.name, c] as const))('rejects %s, as the parser does', (_name, c) => {
    const file = { tenants: [c.spec] };
    expect(validateTenantSpecFile(file).length).toBeGreaterThan(0);
    expect(validate(file)).toBe(false);
    // the schema error points at the same setting
    const pointer = `/tenants/0${c.path === '' ? '' : '/' + c.path.replace(/\[(\d+)\]/g, '/$1').split('.').join('/')}`;
    const paths = (validate.errors ?? []).flatMap((e) => {
      const p = e.params as { additionalProperty?: string; missingProperty?: string; i?: number; j?: number };
      if (e.keyword === 'additionalProperties') return [`${e.instancePath}/${p.additionalProperty}`];
      if (e.keyword === 'required' || e.keyword === 'dependencies') return [`${e.instancePath}/${p.missingProperty}`];
      if (e.keyword === 'uniqueItems') return [`${e.instancePath}/${p.i}`, `${e.instancePath}/${p.j}`];
      return [e.instancePath];
    });
    expect(paths).toContain(pointer);
  });

  test('the parser-only rules are exactly those no JSON Schema keyword can express, and the parser rejects them', () => {
    const parserOnly = INVALID_SPECS.filter((c) => !c.schemaRejects);
    expect(parserOnly.map((c) => c.name)).toEqual([
      'a network with host bits set (parser only: not expressible as a pattern)',
      'a window of 10 minutes (parser only: a length is not a pattern)',
      'a public range without a domain (parser only: private ranges are not a pattern)',
      'a routed network inside the VPC range (parser only: an overlap of two settings is not a pattern)',
      'a copy vault in the tenant\'s own account (parser only: two settings compared)',
      'a copy vault in another region (parser only: two settings compared)',
    ]);
    for (const c of parserOnly) {
      const file = { tenants: [c.spec] };
      expect(validate(file)).toBe(true);
      expect(validateTenantSpecFile(file).length).toBeGreaterThan(0);
    }
  });

  test('rejects a tenant id used twice only in the parser (uniqueness of a property across items is not a schema keyword)', () => {
    const file = { tenants: [minimalSpec(), minimalSpec()] };
    expect(validate(file)).toBe(true);
    expect(validateTenantSpecFile(file)).toEqual([expect.stringContaining('tenants[1].tenantId: duplicates tenants[0].tenantId')]);
  });

  test('the one-tenant schema validates a lone spec (API request bodies)', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    const one = ajv.compile(TenantSpecSchema.tenantJson());
    expect(one(fullSpec())).toBe(true);
    expect(one({ ...fullSpec(), tier: 'STAGING' })).toBe(false);
  });

  test('the committed schema files are the generated ones (run test/tenant/schema-files.ts after a change)', () => {
    for (const [name, text] of Object.entries(schemaFiles())) {
      expect(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', name), 'utf8')).toEqual(text);
    }
  });

  test('json() returns a fresh object each time (callers may mutate it)', () => {
    const a = TenantSpecSchema.json();
    (a.definitions as Record<string, unknown>).TenantSpec = {};
    expect((TenantSpecSchema.json().definitions as Record<string, { required: string[] }>).TenantSpec.required).toEqual(['tenantId', 'tier', 'account']);
  });
});
