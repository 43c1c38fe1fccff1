// The supported entry point `cdk-tenant-blocks/compliance` (compliance/index.ts): it finds a
// known-bad resource in every gate, honours a reasoned suppression, and says which optional peer
// dependency to install when one is missing.
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Finding, Gate, complianceFindings, expectCompliant, findingKeys, formatFindings } from '../../compliance/index';
import { Suppressions } from '../../src/core/suppressions';

const ENV = { account: '123456789012', region: 'us-east-1' };

type Cdk = { App: typeof App; Stack: typeof Stack };

/** `cdk` and `bucket` default to this file's modules; a test that reloads the entry point passes the reloaded ones. */
function stackWithBucket(cdk: Cdk = { App, Stack }, bucket: { CfnBucket: typeof s3.CfnBucket } = s3): { stack: Stack; bucket: s3.CfnBucket } {
  const app = new cdk.App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  const stack = new cdk.Stack(app, 'S', { env: ENV });
  // a raw L1 bucket: no encryption, no logging, no versioning, no TLS policy
  return { stack, bucket: new bucket.CfnBucket(stack, 'Bucket') };
}

/** Builds a module-not-found error the way Node reports one. */
function notFound(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}' from 'compliance/gates.ts'`), { code: 'MODULE_NOT_FOUND' });
}

describe('the compliance entry point', () => {
  let findings: Finding[];
  beforeAll(() => {
    findings = complianceFindings(stackWithBucket().stack);
  });

  test.each<[Gate, string]>([
    ['AwsSolutions', 'AwsSolutions-S10'],
    ['HIPAA.Security', 'HIPAA.Security-S3DefaultEncryptionKMS'],
    ['NIST.800.53.R5', 'NIST.800.53.R5-S3DefaultEncryptionKMS'],
    ['PCI.DSS.321', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    ['ControlTower', 'CT.S3.PR.10'],
  ])('the %s gate reports %s on an unencrypted bucket', (pack, ruleId) => {
    expect(findings).toContainEqual(expect.objectContaining({ pack, ruleId, resourcePath: 'S/Bucket', resourceType: 'AWS::S3::Bucket', logicalId: 'Bucket' }));
  });

  test('a reasoned suppression removes exactly its finding, from cdk-nag and Control Tower alike', () => {
    const { stack, bucket } = stackWithBucket();
    Suppressions.add(bucket, [
      { id: 'AwsSolutions-S10', reason: 'test: TLS is enforced by the consumer of this fixture bucket' },
      { id: 'CT.S3.PR.10', reason: 'test: the fixture bucket holds no data, KMS adds nothing' },
    ]);
    // aws-cdk-lib's own acknowledgement works the same way
    Validations.of(bucket).acknowledge({ id: 'HIPAA.Security-S3DefaultEncryptionKMS', reason: 'test: not PHI, the fixture holds no data' });

    const keys = findingKeys(complianceFindings(stack));
    expect(keys).not.toContain('AwsSolutions-S10 @ S/Bucket');
    expect(keys).not.toContain('CT.S3.PR.10 @ S/Bucket');
    expect(keys).not.toContain('HIPAA.Security-S3DefaultEncryptionKMS @ S/Bucket');
    // everything else is still reported
    const unsuppressed = findingKeys(findings).filter((k) => !['AwsSolutions-S10', 'CT.S3.PR.10', 'HIPAA.Security-S3DefaultEncryptionKMS'].includes(k.split(' @ ')[0]));
    expect(keys).toEqual(unsuppressed);
    expect(keys).toContain('NIST.800.53.R5-S3DefaultEncryptionKMS @ S/Bucket');
  });

  test('gates limits the run to the gates named', () => {
    const only = complianceFindings(stackWithBucket().stack, { gates: ['ControlTower'] });
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only.map((f) => f.pack))).toEqual(new Set(['ControlTower']));
  });

  test('throws when a finding is left: expectCompliant lists it with the way to suppress it', () => {
    expect(() => expectCompliant(stackWithBucket().stack, { gates: ['AwsSolutions'] }))
      .toThrow(/- \[AwsSolutions\] AwsSolutions-S10 on S\/Bucket \(AWS::S3::Bucket Bucket\)[\s\S]*Suppressions\.add\(construct/);
    expect(formatFindings([])).toBe('no compliance findings');
  });
});

describe('optional peer dependencies', () => {
  afterEach(() => {
    jest.dontMock('cdk-nag');
    jest.dontMock('@cdklabs/cdk-validator-cfnguard');
    jest.resetModules();
  });

  /**
   * The entry point, loaded afresh with the named packages missing, and a stack with an unencrypted
   * bucket built from the same fresh aws-cdk-lib (cdk-nag, like any app, sees one aws-cdk-lib).
   */
  function entryPointWithout(...names: string[]) {
    jest.resetModules();
    for (const name of names) {
      jest.doMock(name, () => { throw notFound(name); });
    }
    // a fresh registry has to be read with require(): an import is hoisted and loaded once
    /* eslint-disable @typescript-eslint/no-require-imports */
    const compliance: typeof import('../../compliance/index') = require('../../compliance/index');
    const newStack = () => stackWithBucket(require('aws-cdk-lib'), require('aws-cdk-lib/aws-s3')).stack;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { compliance, newStack };
  }

  test('importing the entry point loads neither cdk-nag nor the cfn-guard validator', () => {
    expect(() => entryPointWithout('cdk-nag', '@cdklabs/cdk-validator-cfnguard')).not.toThrow();
  });

  test('throws when cdk-nag is not installed, naming the package and the install command', () => {
    const { compliance, newStack } = entryPointWithout('cdk-nag');
    expect(() => compliance.complianceFindings(newStack())).toThrow(
      "cdk-tenant-blocks/compliance: the cdk-nag packs (AwsSolutions, HIPAA.Security, NIST.800.53.R5, PCI.DSS.321) need(s) the optional peer dependency 'cdk-nag', which is not installed. Install it next to cdk-tenant-blocks: npm install --save-dev 'cdk-nag@^3.0.2'");
    // the Control Tower gate does not need cdk-nag
    expect(compliance.findingKeys(compliance.complianceFindings(newStack(), { gates: ['ControlTower'] }))).toContain('CT.S3.PR.10 @ S/Bucket');
  });

  test('throws when @cdklabs/cdk-validator-cfnguard is not installed, naming the package and the install command', () => {
    const { compliance, newStack } = entryPointWithout('@cdklabs/cdk-validator-cfnguard');
    expect(() => compliance.complianceFindings(newStack())).toThrow(
      /optional peer dependency '@cdklabs\/cdk-validator-cfnguard', which is not installed\. Install it next to cdk-tenant-blocks: npm install --save-dev '@cdklabs\/cdk-validator-cfnguard@\^0\.0\.62'/);
    // the cdk-nag packs do not need the validator
    expect(compliance.findingKeys(compliance.complianceFindings(newStack(), { gates: ['AwsSolutions'] }))).toContain('AwsSolutions-S10 @ S/Bucket');
  });

  test('a broken install keeps its own error (a missing dependency of cdk-nag is not reported as cdk-nag missing)', () => {
    jest.resetModules();
    jest.doMock('cdk-nag', () => { throw notFound('some-transitive-dependency'); });
    /* eslint-disable @typescript-eslint/no-require-imports */
    const compliance: typeof import('../../compliance/index') = require('../../compliance/index');
    const stack = stackWithBucket(require('aws-cdk-lib'), require('aws-cdk-lib/aws-s3')).stack;
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(() => compliance.complianceFindings(stack, { gates: ['AwsSolutions'] }))
      .toThrow("Cannot find module 'some-transitive-dependency'");
  });
});
