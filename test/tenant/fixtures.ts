/**
 * Tenant spec fixtures shared by the parser tests and the JSON Schema tests, so both judge the
 * same examples.
 */

/** The hub's backup vault in the platform account 111111111111, eu-west-1 and us-east-1. */
export const HUB_VAULT_EU = 'arn:aws:backup:eu-west-1:111111111111:backup-vault:tenant-blocks-hub';
export const HUB_VAULT_US = 'arn:aws:backup:us-east-1:111111111111:backup-vault:tenant-blocks-hub';

/** A valid PRODUCTION tenant with every setting. */
export function fullSpec(): Record<string, any> {
  return {
    tenantId: 'acme',
    tier: 'PRODUCTION',
    account: '210987654321',
    region: 'us-east-1',
    database: {
      allowedCidrs: ['203.0.113.0/24', '2001:db8::/32'],
      maintenanceWindow: 'sun:03:00-sun:03:30',
      maxCapacity: 16,
      backupRetentionDays: 35,
      databaseName: 'app',
    },
    function: {
      runtime: 'nodejs24.x',
      memorySize: 1024,
      timeoutSeconds: 30,
      reservedConcurrency: 50,
      internetEgress: true,
      allowedCidrs: ['0.0.0.0/0'],
      domain: { hostedZoneId: 'Z0123456789ACMEEXAMPLE', zoneName: 'acme.apps.example.com', recordName: 'api' },
    },
    link: { allowQuery: true, allowInvoke: false },
  };
}

/** A valid DEVELOPMENT tenant with only the required settings and a database. */
export function minimalSpec(): Record<string, any> {
  return { tenantId: 'initech-dev', tier: 'DEVELOPMENT', account: '410987654321', database: {} };
}

/** Valid tenants (name, spec). */
export const VALID_SPECS: Array<[string, () => Record<string, any>]> = [
  ['a PRODUCTION tenant with every setting', fullSpec],
  ['a DEVELOPMENT tenant with only the required settings', minimalSpec],
  ['a tenant without blocks', () => ({ tenantId: 'bare', tier: 'PRODUCTION', account: '012345678901' })],
  ['a tenant whose customer networks are routed in', () => ({
    tenantId: 'routed',
    tier: 'PRODUCTION',
    account: '510987654321',
    network: { vpcCidr: '172.20.0.0/18', routedCidrs: ['203.0.113.0/24', '10.0.0.0/8'], transitGatewayId: 'tgw-0123456789abcdef0' },
    database: { allowedCidrs: ['203.0.113.0/24'] },
  })],
  ['a DEVELOPMENT function without a domain on private ranges', () => ({
    tenantId: 'devfn',
    tier: 'DEVELOPMENT',
    account: '410987654321',
    function: { allowedCidrs: ['10.20.0.0/16', '100.64.0.0/10'], reservedConcurrency: 1, runtime: 'python3.14', memorySize: 128, timeoutSeconds: 900, internetEgress: false },
  })],
  ['a window across the end of the week and capacity in half ACUs', () => ({
    tenantId: 'weekend',
    tier: 'PRODUCTION',
    account: '012345678901',
    region: 'eu-west-1',
    database: { maintenanceWindow: 'sun:23:30-mon:00:30', maxCapacity: 2.5, backupRetentionDays: 1, databaseName: '_data_2' },
  })],
  ['a PRODUCTION database copying its backups to the hub vault of its region', () => ({
    tenantId: 'copied',
    tier: 'PRODUCTION',
    account: '510987654321',
    region: 'eu-west-1',
    database: { backupCopyVaultArn: HUB_VAULT_EU },
  })],
  ['a DEVELOPMENT function whose data is disposable', () => ({
    tenantId: 'scratch',
    tier: 'DEVELOPMENT',
    account: '410987654321',
    function: { disposableData: true },
  })],
  ['a PRODUCTION function that states its data is kept', () => ({ ...fullSpec(), function: { ...fullSpec().function, disposableData: false } })],
];

/**
 * Invalid tenants: name, the spec, the JSON path of the problem (inside `tenants[0]` when the
 * spec is put in a file), a fragment of its message, and whether the JSON Schema can express the
 * rule (`false`: the parser only, with the reason in the name).
 */
export interface InvalidCase {
  readonly name: string;
  readonly spec: unknown;
  readonly path: string;
  readonly message: string;
  readonly schemaRejects: boolean;
}

function withDatabase(database: Record<string, unknown>): Record<string, any> {
  const spec = fullSpec();
  return { ...spec, database: { ...spec.database, ...database } };
}

function withFunction(fn: Record<string, unknown>): Record<string, any> {
  const spec = fullSpec();
  return { ...spec, function: { ...spec.function, ...fn } };
}

function without(key: string): Record<string, any> {
  const spec = fullSpec();
  delete spec[key];
  return spec;
}

export const INVALID_SPECS: InvalidCase[] = [
  // The repros of issue 10: wrong types from JSON are problems, never crashes.
  { name: 'allowedCidrs as a string', spec: withDatabase({ allowedCidrs: '10.0.0.0/24' }), path: 'database.allowedCidrs', message: "must be a list of CIDR strings, e.g. ['10.0.0.0/24'] (got: '10.0.0.0/24')", schemaRejects: true },
  { name: 'backupRetention (a Duration prop) given as a number', spec: withDatabase({ backupRetention: 7 }), path: 'database.backupRetention', message: 'is not a setting here; allowed: allowedCidrs, maintenanceWindow, maxCapacity, backupRetentionDays, databaseName, backupCopyVaultArn (got: 7)', schemaRejects: true },
  { name: 'backupRetentionDays as a string', spec: withDatabase({ backupRetentionDays: '7' }), path: 'database.backupRetentionDays', message: "must be a number, e.g. 7 (got: '7')", schemaRejects: true },
  { name: 'maintenanceWindow as an object', spec: withDatabase({ maintenanceWindow: { day: 'sun', hour: 3 } }), path: 'database.maintenanceWindow', message: 'must be a string, e.g. "sun:18:00-sun:18:30" (got: {"day":"sun","hour":3})', schemaRejects: true },
  { name: 'a deprecated runtime by name', spec: withFunction({ runtime: 'nodejs18.x' }), path: 'function.runtime', message: "is not a supported runtime (unknown, deprecated or about to be); allowed: nodejs24.x, nodejs22.x, python3.14, python3.13 (got: 'nodejs18.x')", schemaRejects: true },
  { name: 'maxCapacity as a string', spec: withDatabase({ maxCapacity: '8' }), path: 'database.maxCapacity', message: "must be a number, e.g. 16 (got: '8')", schemaRejects: true },
  { name: 'account as a number', spec: { ...fullSpec(), account: 210987654321 }, path: 'account', message: 'must be a string of 12 digits, e.g. "012345678901" (a JSON number loses leading zeros) (got: 210987654321)', schemaRejects: true },
  { name: 'an uppercase IPv6 network', spec: withDatabase({ allowedCidrs: ['2001:DB8::/32'] }), path: 'database.allowedCidrs[0]', message: "must be written in lowercase (aws-cdk-lib rejects uppercase IPv6); use 2001:db8::/32 (got: '2001:DB8::/32')", schemaRejects: true },
  { name: 'a CIDR entry that is a number', spec: withDatabase({ allowedCidrs: [10] }), path: 'database.allowedCidrs[0]', message: 'string', schemaRejects: true },
  // Required fields and closed sets.
  { name: 'no tenantId', spec: without('tenantId'), path: 'tenantId', message: 'is required', schemaRejects: true },
  { name: 'no tier', spec: without('tier'), path: 'tier', message: 'is required: "DEVELOPMENT" or "PRODUCTION" (got: undefined)', schemaRejects: true },
  { name: 'no account', spec: without('account'), path: 'account', message: 'is required', schemaRejects: true },
  { name: 'a tier in lowercase', spec: { ...fullSpec(), tier: 'production' }, path: 'tier', message: "must be \"DEVELOPMENT\" or \"PRODUCTION\" (got: 'production')", schemaRejects: true },
  { name: 'a tenant id with uppercase letters', spec: { ...fullSpec(), tenantId: 'Acme' }, path: 'tenantId', message: '^[a-z][a-z0-9-]{2,30}$', schemaRejects: true },
  { name: 'a tenant id ending with a hyphen', spec: { ...fullSpec(), tenantId: 'acme-' }, path: 'tenantId', message: 'must not end with a hyphen', schemaRejects: true },
  { name: 'an account of 11 digits', spec: { ...fullSpec(), account: '21098765432' }, path: 'account', message: 'must be a 12-digit AWS account id', schemaRejects: true },
  { name: 'a region that is not one', spec: { ...fullSpec(), region: 'US East' }, path: 'region', message: 'must be an AWS region name', schemaRejects: true },
  { name: 'an unknown top-level key', spec: { ...fullSpec(), vpc: '10.0.0.0/16' }, path: 'vpc', message: 'is not a setting here; allowed: tenantId, tier, account, region, network, database, function, link', schemaRejects: true },
  { name: 'a spec that is a list', spec: [fullSpec()], path: '', message: 'must be an object with tenantId, tier and account', schemaRejects: true },
  { name: 'database as a string', spec: { ...fullSpec(), database: 'aurora' }, path: 'database', message: 'must be an object with the database settings', schemaRejects: true },
  // The network (issue 24): the parser and the JSON Schema agree on every case.
  { name: 'a public VPC range', spec: { ...fullSpec(), network: { vpcCidr: '8.8.0.0/16' } }, path: 'network.vpcCidr', message: 'must be a private range', schemaRejects: true },
  { name: 'an IPv6 routed network', spec: { ...fullSpec(), network: { routedCidrs: ['2001:db8::/32'], transitGatewayId: 'tgw-0123456789abcdef0' } }, path: 'network.routedCidrs[0]', message: 'must be an IPv4 network', schemaRejects: true },
  { name: 'an empty list of routed networks', spec: { ...fullSpec(), network: { routedCidrs: [], transitGatewayId: 'tgw-0123456789abcdef0' } }, path: 'network.routedCidrs', message: 'lists no network', schemaRejects: true },
  { name: 'a Transit Gateway without routed networks', spec: { ...fullSpec(), network: { transitGatewayId: 'tgw-0123456789abcdef0' } }, path: 'network.routedCidrs', message: 'list the networks to route', schemaRejects: true },
  { name: 'routed networks without a Transit Gateway', spec: { ...fullSpec(), network: { routedCidrs: ['203.0.113.0/24'] } }, path: 'network.transitGatewayId', message: 'is required with routedCidrs', schemaRejects: true },
  // Ranges, patterns, reserved names.
  { name: 'the whole internet to the database', spec: withDatabase({ allowedCidrs: ['0.0.0.0/0'] }), path: 'database.allowedCidrs[0]', message: 'opens the database to the whole internet', schemaRejects: true },
  { name: 'a /4 network to the database', spec: withDatabase({ allowedCidrs: ['16.0.0.0/4'] }), path: 'database.allowedCidrs[0]', message: 'covers a large part of the internet', schemaRejects: true },
  { name: 'the same network twice', spec: withDatabase({ allowedCidrs: ['10.0.0.0/24', '10.0.0.0/24'] }), path: 'database.allowedCidrs[1]', message: 'duplicates ', schemaRejects: true },
  { name: 'a network with host bits set (parser only: not expressible as a pattern)', spec: withDatabase({ allowedCidrs: ['10.0.0.1/24'] }), path: 'database.allowedCidrs[0]', message: 'has host bits set; use the network address 10.0.0.0/24', schemaRejects: false },
  { name: 'a window with hour 25', spec: withDatabase({ maintenanceWindow: 'sun:25:00-sun:25:30' }), path: 'database.maintenanceWindow', message: 'start hour 25 is not a valid time', schemaRejects: true },
  { name: 'a window of 10 minutes (parser only: a length is not a pattern)', spec: withDatabase({ maintenanceWindow: 'sun:03:00-sun:03:10' }), path: 'database.maintenanceWindow', message: 'lasts 10 minutes; a window lasts at least 30 minutes', schemaRejects: false },
  { name: 'a window in uppercase', spec: withDatabase({ maintenanceWindow: 'SUN:03:00-SUN:03:30' }), path: 'database.maintenanceWindow', message: 'must be written in lowercase without spaces (sun:03:00-sun:03:30)', schemaRejects: true },
  { name: 'maxCapacity 300', spec: withDatabase({ maxCapacity: 300 }), path: 'database.maxCapacity', message: 'must be between 1 and 256 ACUs in steps of 0.5 (got: 300)', schemaRejects: true },
  { name: 'maxCapacity 2.25', spec: withDatabase({ maxCapacity: 2.25 }), path: 'database.maxCapacity', message: 'in steps of 0.5 (got: 2.25)', schemaRejects: true },
  { name: 'backupRetentionDays 36', spec: withDatabase({ backupRetentionDays: 36 }), path: 'database.backupRetentionDays', message: 'must be between 1 and 35 days, a whole number (got: 36)', schemaRejects: true },
  { name: 'backupRetentionDays 1.5', spec: withDatabase({ backupRetentionDays: 1.5 }), path: 'database.backupRetentionDays', message: 'a whole number (got: 1.5)', schemaRejects: true },
  { name: 'a reserved database name', spec: withDatabase({ databaseName: 'postgres' }), path: 'database.databaseName', message: 'is reserved', schemaRejects: true },
  { name: 'a database name with a hyphen', spec: withDatabase({ databaseName: 'my-app' }), path: 'database.databaseName', message: 'must be a PostgreSQL identifier', schemaRejects: true },
  { name: 'memorySize 64', spec: withFunction({ memorySize: 64 }), path: 'function.memorySize', message: 'must be between 128 and 10240 MiB, a whole number (got: 64)', schemaRejects: true },
  { name: 'timeoutSeconds 901', spec: withFunction({ timeoutSeconds: 901 }), path: 'function.timeoutSeconds', message: 'must be between 1 and 900 seconds, a whole number (got: 901)', schemaRejects: true },
  { name: 'reservedConcurrency 1 in PRODUCTION', spec: withFunction({ reservedConcurrency: 1 }), path: 'function.reservedConcurrency', message: 'must be between 2 and 800, a whole number (got: 1)', schemaRejects: true },
  { name: 'reservedConcurrency 21 in DEVELOPMENT', spec: { tenantId: 'devfn', tier: 'DEVELOPMENT', account: '410987654321', function: { reservedConcurrency: 21 } }, path: 'function.reservedConcurrency', message: 'must be between 1 and 20, a whole number (got: 21)', schemaRejects: true },
  { name: 'internetEgress as a string', spec: withFunction({ internetEgress: 'yes' }), path: 'function.internetEgress', message: "must be a boolean, e.g. true (got: 'yes')", schemaRejects: true },
  { name: 'internetEgress as a number', spec: withFunction({ internetEgress: 1 }), path: 'function.internetEgress', message: 'must be a boolean, e.g. true (got: 1)', schemaRejects: true },
  { name: 'a PRODUCTION function without a domain', spec: { ...fullSpec(), function: { runtime: 'nodejs24.x' } }, path: 'function.domain', message: 'is required in PRODUCTION', schemaRejects: true },
  { name: 'a public range without a domain (parser only: private ranges are not a pattern)', spec: { tenantId: 'devfn', tier: 'DEVELOPMENT', account: '410987654321', function: { allowedCidrs: ['203.0.113.0/24'] } }, path: 'function.allowedCidrs', message: 'reaching the endpoint from public networks needs a domain', schemaRejects: false },
  { name: 'a routed network inside the VPC range (parser only: an overlap of two settings is not a pattern)', spec: { ...fullSpec(), network: { vpcCidr: '10.20.0.0/16', routedCidrs: ['10.20.8.0/24'], transitGatewayId: 'tgw-0123456789abcdef0' } }, path: 'network.routedCidrs[0]', message: 'overlaps the tenant VPC (10.20.0.0/16)', schemaRejects: false },
  { name: 'a hosted zone id in lowercase', spec: withFunction({ domain: { hostedZoneId: 'z0123', zoneName: 'acme.example.com', recordName: 'api' } }), path: 'function.domain.hostedZoneId', message: 'must be a Route 53 hosted zone id', schemaRejects: true },
  { name: 'a domain without a recordName', spec: withFunction({ domain: { hostedZoneId: 'Z0123', zoneName: 'acme.example.com' } }), path: 'function.domain.recordName', message: 'is required', schemaRejects: true },
  { name: 'link.allowQuery as a string', spec: { ...fullSpec(), link: { allowQuery: 'yes' } }, path: 'link.allowQuery', message: "must be a boolean, e.g. true (got: 'yes')", schemaRejects: true },
  // Issue 24 §1: the copy vault and disposable data are spec settings, checked like the blocks check them.
  { name: 'a copy vault that is not a backup vault ARN', spec: withDatabase({ backupCopyVaultArn: 'arn:aws:s3:::tenant-blocks-hub' }), path: 'database.backupCopyVaultArn', message: 'must be an AWS Backup vault ARN, arn:aws:backup:<region>:<12-digit account>:backup-vault:<name>', schemaRejects: true },
  { name: 'a copy vault given as a list', spec: withDatabase({ backupCopyVaultArn: [HUB_VAULT_US] }), path: 'database.backupCopyVaultArn', message: 'must be a string, e.g. "arn:aws:backup:', schemaRejects: true },
  { name: 'a copy vault in the tenant\'s own account (parser only: two settings compared)', spec: withDatabase({ backupCopyVaultArn: 'arn:aws:backup:us-east-1:210987654321:backup-vault:tenant-blocks-hub' }), path: 'database.backupCopyVaultArn', message: 'is in the tenant\'s own account (210987654321)', schemaRejects: false },
  { name: 'a copy vault in another region (parser only: two settings compared)', spec: withDatabase({ backupCopyVaultArn: HUB_VAULT_EU }), path: 'database.backupCopyVaultArn', message: 'is in eu-west-1, the tenant in us-east-1: AWS Backup copies an Aurora recovery point to another account or to another region, not both', schemaRejects: false },
  { name: 'disposable data in PRODUCTION', spec: withFunction({ disposableData: true }), path: 'function.disposableData', message: 'is refused in PRODUCTION: a PRODUCTION tenant\'s data is kept when its stack is destroyed', schemaRejects: true },
  { name: 'disposableData as a string', spec: { tenantId: 'scratch', tier: 'DEVELOPMENT', account: '410987654321', function: { disposableData: 'yes' } }, path: 'function.disposableData', message: "must be a boolean, e.g. true (got: 'yes')", schemaRejects: true },
  { name: 'an external id in the link (platform-side, not a spec setting)', spec: { ...fullSpec(), link: { externalId: 'acme-7f3c9a1e52d84b06' } }, path: 'link.externalId', message: 'is not a setting here; allowed: allowQuery, allowInvoke', schemaRejects: true },
];
