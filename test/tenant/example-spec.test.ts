import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { TenantSpecSchema, parseTenantSpecs } from '../../src/tenant';

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
