import { INVALID_SPECS, VALID_SPECS, fullSpec, minimalSpec } from './fixtures';
import { TenantSpecs, parseTenantSpec, parseTenantSpecs, validateTenantSpec, validateTenantSpecFile } from '../../src/tenant';

describe('validateTenantSpec', () => {
  test.each(VALID_SPECS)('accepts %s', (_name, spec) => {
    expect(validateTenantSpec(spec(), 'tenants[0]')).toEqual([]);
  });

  test.each(INVALID_SPECS.map((c) => [c.name, c] as const))('reports %s with its JSON path', (_name, c) => {
    // WHEN
    const problems = validateTenantSpec(c.spec, 'tenants[3]');
    // THEN
    const path = c.path === '' ? 'tenants[3]' : `tenants[3].${c.path}`;
    const mine = problems.filter((p) => p.startsWith(`${path}: `));
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.join('\n')).toContain(c.message);
  });

  test.each(INVALID_SPECS.map((c) => [c.name, c] as const))('reports only the problem of %s (one wrong setting, one problem)', (_name, c) => {
    const problems = validateTenantSpec(c.spec, '');
    const expectedPath = c.path === '' ? '(spec)' : c.path;
    expect(problems.every((p) => p.startsWith(`${expectedPath}: `) || p.startsWith(`${expectedPath}[`) || p.startsWith(`${expectedPath}.`))).toBe(true);
  });

  test.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'acme'],
    ['undefined', undefined],
  ])('reports (never throws) when the spec is %s', (_name, value) => {
    expect(validateTenantSpec(value, 'tenants[0]')).toEqual([expect.stringMatching(/^tenants\[0\]: must be an object with tenantId, tier and account/)]);
  });

  test.each([
    ['database', null], ['function', 7], ['link', []], ['function', { domain: 'api.example.com' }],
    ['database', { allowedCidrs: [null, {}, ['10.0.0.0/8']] }],
    ['database', { maintenanceWindow: null, maxCapacity: null, backupRetentionDays: false, databaseName: 12 }],
    ['function', { runtime: 24, memorySize: '512', timeoutSeconds: NaN, reservedConcurrency: Infinity, allowedCidrs: {} }],
  ])('never throws on a wrong type in %s (%j)', (key, value) => {
    const spec = { ...fullSpec(), [key]: value };
    let problems: string[] = [];
    expect(() => { problems = validateTenantSpec(spec, 'tenants[0]'); }).not.toThrow();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`tenants[0].${key}`))).toBe(true);
  });

  test('reports every problem of one spec at once', () => {
    const problems = validateTenantSpec({
      tenantId: 'Acme',
      tier: 'prod',
      account: 12,
      database: { allowedCidrs: '10.0.0.0/24', maxCapacity: '8', maintenanceWindow: 'sun:25:00-sun:25:30' },
      function: { runtime: 'nodejs18.x' },
    }, '');
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      // an invalid tier checks nothing that depends on the tier (PRODUCTION's domain rule)
      'tenantId', 'tier', 'account', 'database.allowedCidrs', 'database.maintenanceWindow', 'database.maintenanceWindow', 'database.maxCapacity', 'function.runtime',
    ]);
  });

  test('a lone spec (empty path) has paths without a prefix', () => {
    expect(validateTenantSpec({ ...minimalSpec(), database: { maxCapacity: 0 } }, '')).toEqual([
      'database.maxCapacity: must be between 1 and 256 ACUs in steps of 0.5 (got: 0)',
    ]);
  });
});

describe('parseTenantSpecs', () => {
  test('returns the typed specs of a valid file', () => {
    const specs = parseTenantSpecs({ $schema: './schema.json', tenants: [fullSpec(), minimalSpec()] });
    expect(specs.map((s) => [s.tenantId, s.tier, s.database?.maxCapacity])).toEqual([['acme', 'PRODUCTION', 16], ['initech-dev', 'DEVELOPMENT', undefined]]);
  });

  test('throws when several tenants are invalid, listing every problem of every tenant with its JSON path', () => {
    const file = {
      tenants: [
        fullSpec(),
        { ...minimalSpec(), database: { allowedCidrs: '10.0.0.0/24' } },
        { ...fullSpec(), tenantId: 'globex', database: { allowedCidrs: ['10.0.0.1/24'], backupRetentionDays: 40 } },
      ],
    };
    expect(() => parseTenantSpecs(file)).toThrow(
      'Invalid tenant specs (3 problems):\n' +
      "- tenants[1].database.allowedCidrs: must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')\n" +
      "- tenants[2].database.allowedCidrs[0]: has host bits set; use the network address 10.0.0.0/24 (got: '10.0.0.1/24')\n" +
      '- tenants[2].database.backupRetentionDays: must be between 1 and 35 days, a whole number (got: 40)',
    );
  });

  test('throws when a tenant id is used twice', () => {
    expect(() => parseTenantSpecs({ tenants: [fullSpec(), minimalSpec(), { ...minimalSpec(), account: '012345678901' }] })).toThrow(
      "- tenants[2].tenantId: duplicates tenants[1].tenantId: a tenant id names its key alias, link role and stacks, so it is unique (got: 'initech-dev')",
    );
  });

  test.each([
    ['null', null, '(file): must be an object { "tenants": [ ... ] } (got: null)'],
    ['a list', [fullSpec()], '(file): must be an object'],
    ['no tenants', {}, 'tenants: is required: a list of tenant specs (got: undefined)'],
    ['tenants as an object', { tenants: { acme: fullSpec() } }, 'tenants: is required: a list of tenant specs'],
    ['an unknown key', { tenants: [], platform: {} }, 'platform: is not a setting here; allowed: $schema, tenants (got: {})'],
    ['$schema as a number', { $schema: 7, tenants: [] }, '$schema: must be a string'],
  ])('throws when the file is %s', (_name, json, message) => {
    expect(() => parseTenantSpecs(json)).toThrow(message);
  });

  test('validateTenantSpecFile returns the problems without throwing (for API answers)', () => {
    expect(validateTenantSpecFile({ tenants: [{ ...minimalSpec(), tier: 'STAGING' }] })).toEqual([
      "tenants[0].tier: must be \"DEVELOPMENT\" or \"PRODUCTION\" (got: 'STAGING')",
    ]);
  });

  test('parseTenantSpec parses one spec or throws naming the tenant', () => {
    expect(parseTenantSpec(minimalSpec()).tenantId).toBe('initech-dev');
    expect(() => parseTenantSpec({ ...minimalSpec(), account: '1' })).toThrow(
      'Invalid tenant spec "initech-dev":\n- account: must be a 12-digit AWS account id (got: \'1\')',
    );
  });

  test('TenantSpecs statics (the jsii entry points) give the same answers', () => {
    const file = { tenants: [fullSpec(), { ...minimalSpec(), tier: 'x' }] };
    expect(TenantSpecs.validateFile(file)).toEqual(validateTenantSpecFile(file));
    expect(TenantSpecs.validate({ ...minimalSpec(), tier: 'x' })).toEqual(validateTenantSpec({ ...minimalSpec(), tier: 'x' }, ''));
    expect(TenantSpecs.parse({ tenants: [fullSpec()] })).toEqual([fullSpec()]);
    expect(TenantSpecs.parseOne(fullSpec())).toEqual(fullSpec());
    expect(() => TenantSpecs.parse(file)).toThrow('tenants[1].tier');
  });
});
