// Issue 24.4: the environment contract of an app function, documented in one table
// (docs/blocks/function.md, "Environment contract"), and the RDS CA bundle the app verifies TLS with.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { build, fnResource, prod } from './support';
import { RDS_CA_BUNDLE_PATH, TENANT_FUNCTION_ENV } from '../../../src/blocks/function/tenant-function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { RDS_CA_BUNDLE } from '../../../src/blocks/postgres/rds-ca-bundle.lambda-shared';
import { TenantNetwork, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';
import { complianceFindings, formatFindings } from '../../support/compliance';

const DOC = path.join(__dirname, '..', '..', '..', 'docs', 'blocks', 'function.md');

/** The variable names of the first column of the doc's "Environment contract" table. */
function documentedVariables(): string[] {
  const doc = fs.readFileSync(DOC, 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Environment contract'));
  expect(section).toBeDefined();
  const rows = section!.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line));
  return rows.map((line) => /^\| `([A-Z_]+)` \|/.exec(line)![1]);
}

/** A DEVELOPMENT function with a database of its tenant, without app variables or secrets. */
function withDatabase(tier = TenantTier.DEVELOPMENT) {
  const stack = testStack();
  const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier });
  const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network });
  return tier === TenantTier.PRODUCTION ? prod({ network, database }, stack) : build({ network, database }, stack);
}

function variables(t: Template): string[] {
  return Object.keys(fnResource(t).props.Environment.Variables).sort();
}

describe('the environment contract is one table, and it is exact', () => {
  test('the table lists exactly the variables the block sets (a function with a database, no app variables), each once', () => {
    const documented = documentedVariables();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual(variables(withDatabase().template));
  });

  test('TENANT_FUNCTION_ENV names exactly those variables (the names validation reserves)', () => {
    expect(Object.values(TENANT_FUNCTION_ENV).sort()).toEqual([...documentedVariables()].sort());
  });

  test('without a database: TENANT_ID, TENANT_TIER and DATA_BUCKET_NAME only, none of DB_*', () => {
    expect(variables(build().template)).toEqual(['DATA_BUCKET_NAME', 'TENANT_ID', 'TENANT_TIER']);
  });

  test('app variables and secrets come on top of the contract, under their own names', () => {
    const { template } = build({ environment: { LOG_FORMAT: 'json' } });
    expect(variables(template)).toEqual(['DATA_BUCKET_NAME', 'LOG_FORMAT', 'TENANT_ID', 'TENANT_TIER']);
  });

  test('throws when the app sets DB_CA_BUNDLE_PATH itself (a name of the contract)', () => {
    expect(() => build({ environment: { DB_CA_BUNDLE_PATH: '/tmp/ca.pem' } })).toThrow('- environment.DB_CA_BUNDLE_PATH: is set by TenantFunction itself');
  });
});

describe('the RDS CA bundle reaches the app for verified TLS', () => {
  test('with a database: a layer (arm64) holds the bundle, DB_CA_BUNDLE_PATH names where the layer puts it', () => {
    const { template } = withDatabase();
    const fn = fnResource(template).props;
    expect(fn.Environment.Variables.DB_CA_BUNDLE_PATH).toBe(RDS_CA_BUNDLE_PATH);
    expect(RDS_CA_BUNDLE_PATH.startsWith('/opt/')).toBe(true);
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    expect(Object.keys(layers)).toHaveLength(1);
    const [layerId, layer] = Object.entries(layers)[0] as [string, any];
    expect(fn.Layers).toEqual([{ Ref: layerId }]);
    expect(layer.Properties.CompatibleArchitectures).toEqual(['arm64']);
  });

  test('the layer asset holds the RDS CA bundle, byte for byte, at the path the variable names', () => {
    const { stack } = withDatabase();
    const assembly = (stack.node.root as any).synth();
    const artifact = assembly.getStackByName(stack.stackName);
    const layer = Object.values(artifact.template.Resources).find((r: any) => r.Type === 'AWS::Lambda::LayerVersion') as any;
    // the staged asset whose hash names the layer's zip: what Lambda unpacks under /opt
    const staged = path.join(assembly.directory, `asset.${layer.Properties.Content.S3Key.replace(/\.zip$/, '')}`);
    const file = path.join(staged, ...RDS_CA_BUNDLE_PATH.replace(/^\/opt\//, '').split('/'));
    expect(fs.readdirSync(staged)).toEqual(['tenant-blocks']);
    const pem = fs.readFileSync(file, 'utf8');
    expect(pem).toBe(RDS_CA_BUNDLE.join(''));
    expect(pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(RDS_CA_BUNDLE.length);
    // every certificate parses, and each is a CA of Amazon RDS
    for (const certificate of RDS_CA_BUNDLE) {
      const x509 = new crypto.X509Certificate(certificate);
      expect([x509.subject, x509.ca]).toEqual([expect.stringContaining('Amazon RDS'), true]);
    }
  });

  test('without a database: no layer, no DB_CA_BUNDLE_PATH', () => {
    const { template } = build();
    template.resourceCountIs('AWS::Lambda::LayerVersion', 0);
    expect(fnResource(template).props.Layers).toBeUndefined();
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s with a database: no unsuppressed finding on the function block (the layer included)', (tier) => {
    const { stack } = withDatabase(tier);
    const findings = complianceFindings(stack).filter((f) => f.resourcePath.includes('/App/'));
    expect(formatFindings(findings)).toBe('no compliance findings');
  });
});
