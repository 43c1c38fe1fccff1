/**
 * Proves every gate of the harness can fail: each cdk-nag pack, the Control Tower guard rules and
 * cfn-lint report a known-bad resource; a suppression with a reason removes exactly that finding;
 * a good resource is clean.
 */
import { App, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Suppressions } from '../../src/core/suppressions';
import { cfnLint, expectCfnLintClean } from '../support/cfn-lint';
import { complianceFindings, expectCompliant, Finding, findingKeys, formatFindings, Gate } from '../support/compliance';

const ENV = { account: '123456789012', region: 'us-east-1' };
const IMPORTED_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';

function newStack(id = 'S'): Stack {
  return new Stack(new App(), id, { env: ENV });
}

/** Three classic mistakes, as raw L1 resources so no L2 default hides them. */
function addKnownBadResources(scope: Construct): void {
  new s3.CfnBucket(scope, 'UnencryptedBucket');
  new ec2.CfnSecurityGroup(scope, 'OpenSg', {
    groupDescription: 'SSH from anywhere',
    vpcId: 'vpc-12345678',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
  });
  new rds.CfnDBInstance(scope, 'UnencryptedDb', {
    dbInstanceClass: 'db.t4g.micro',
    engine: 'postgres',
    allocatedStorage: '20',
    masterUsername: 'postgres',
    manageMasterUserPassword: true,
  });
}

/** An SNS topic encrypted with a customer key (imported, so no key resource is judged) and TLS enforced. */
function addGoodTopic(scope: Construct): sns.Topic {
  return new sns.Topic(scope, 'GoodTopic', {
    masterKey: kms.Key.fromKeyArn(scope, 'ImportedKey', IMPORTED_KEY_ARN),
    enforceSSL: true,
  });
}

function has(findings: Finding[], pack: Gate, ruleId: string, resourcePath: string): boolean {
  return findings.some((f) => f.pack === pack && f.ruleId === ruleId && f.resourcePath === resourcePath);
}

describe('every compliance gate reports a known-bad resource', () => {
  let findings: Finding[];
  beforeAll(() => {
    const stack = newStack();
    addKnownBadResources(stack);
    findings = complianceFindings(stack);
  });

  test.each<[Gate, string, string]>([
    // unencrypted S3 bucket
    ['AwsSolutions', 'AwsSolutions-S10', 'S/UnencryptedBucket'],
    ['HIPAA.Security', 'HIPAA.Security-S3DefaultEncryptionKMS', 'S/UnencryptedBucket'],
    ['NIST.800.53.R5', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'S/UnencryptedBucket'],
    ['PCI.DSS.321', 'PCI.DSS.321-S3DefaultEncryptionKMS', 'S/UnencryptedBucket'],
    ['ControlTower', 'CT.S3.PR.10', 'S/UnencryptedBucket'],
    // SSH open to the internet
    ['AwsSolutions', 'AwsSolutions-EC23', 'S/OpenSg'],
    ['HIPAA.Security', 'HIPAA.Security-EC2RestrictedSSH', 'S/OpenSg'],
    ['NIST.800.53.R5', 'NIST.800.53.R5-EC2RestrictedSSH', 'S/OpenSg'],
    ['PCI.DSS.321', 'PCI.DSS.321-EC2RestrictedSSH', 'S/OpenSg'],
    ['ControlTower', 'CT.EC2.PR.4', 'S/OpenSg'],
    // unencrypted RDS instance
    ['AwsSolutions', 'AwsSolutions-RDS2', 'S/UnencryptedDb'],
    ['HIPAA.Security', 'HIPAA.Security-RDSStorageEncrypted', 'S/UnencryptedDb'],
    ['NIST.800.53.R5', 'NIST.800.53.R5-RDSStorageEncrypted', 'S/UnencryptedDb'],
    ['PCI.DSS.321', 'PCI.DSS.321-RDSStorageEncrypted', 'S/UnencryptedDb'],
    ['ControlTower', 'CT.RDS.PR.24', 'S/UnencryptedDb'],
  ])('%s reports %s on %s', (pack, ruleId, resourcePath) => {
    expect(has(findings, pack, ruleId, resourcePath)).toBe(true);
  });

  test('findings carry the logical id, type and a message', () => {
    const finding = findings.find((f) => f.ruleId === 'CT.S3.PR.10');
    expect(finding).toEqual(expect.objectContaining({
      pack: 'ControlTower',
      logicalId: 'UnencryptedBucket',
      resourceType: 'AWS::S3::Bucket',
      severity: 'error',
      message: expect.stringMatching(/server-side encryption configured using an AWS KMS key/),
    }));
    expect(findings.find((f) => f.ruleId === 'AwsSolutions-EC23')).toEqual(expect.objectContaining({
      logicalId: 'OpenSg', resourceType: 'AWS::EC2::SecurityGroup', message: expect.stringMatching(/0\.0\.0\.0\/0/),
    }));
  });

  test('expectCompliant throws with a readable list naming rule, resource and the way to suppress', () => {
    const stack = newStack();
    addKnownBadResources(stack);
    expect(() => expectCompliant(stack)).toThrow(/unsuppressed compliance finding\(s\):\n- \[AwsSolutions\] AwsSolutions-EC23 on S\/OpenSg \(AWS::EC2::SecurityGroup OpenSg\): /);
    expect(() => expectCompliant(stack)).toThrow(/Suppressions\.add\(construct, \[\{ id, reason, appliesTo\? \}\]\)/);
  });
});

describe('a good resource passes every gate', () => {
  test('an SNS topic on a customer key with TLS enforced has no findings', () => {
    const stack = newStack();
    addGoodTopic(stack);
    expect(complianceFindings(stack)).toEqual([]);
    expect(() => expectCompliant(stack)).not.toThrow();
  });

  test('findings are limited to the scope asked about', () => {
    const stack = newStack();
    const good = new Construct(stack, 'Good');
    addGoodTopic(good);
    addKnownBadResources(new Construct(stack, 'Bad'));

    expect(complianceFindings(good)).toEqual([]);
    expect(findingKeys(complianceFindings(stack))).toContain('CT.S3.PR.10 @ S/Bad/UnencryptedBucket');
  });

  test('an App scope covers every stack in it', () => {
    const app = new App();
    addGoodTopic(new Stack(app, 'Good', { env: ENV }));
    addKnownBadResources(new Stack(app, 'Bad', { env: ENV }));

    const paths = new Set(complianceFindings(app).map((f) => f.resourcePath.split('/')[0]));
    expect([...paths]).toEqual(['Bad']);
  });

  test('stacks inside a Stage and nested stacks are checked too', () => {
    const app = new App();
    const stack = new Stack(new Stage(app, 'Prod'), 'S', { env: ENV });
    new s3.CfnBucket(new NestedStack(stack, 'Nested'), 'Bucket');
    new s3.CfnBucket(stack, 'Bucket');

    const keys = findingKeys(complianceFindings(app)).filter((k) => k.startsWith('CT.S3.PR.10 '));
    expect(keys).toEqual(['CT.S3.PR.10 @ Prod/S/Bucket', 'CT.S3.PR.10 @ Prod/S/Nested/Bucket']);
  });
});

describe('suppressions', () => {
  test('Suppressions.add removes exactly the suppressed cdk-nag and Control Tower findings', () => {
    // GIVEN
    const stack = newStack();
    addKnownBadResources(stack);
    const bucket = stack.node.findChild('UnencryptedBucket');
    const before = complianceFindings(stack);

    // WHEN
    Suppressions.add(bucket, [
      { id: 'AwsSolutions-S10', reason: 'test: proves a cdk-nag AwsSolutions suppression works' },
      { id: 'HIPAA.Security-S3DefaultEncryptionKMS', reason: 'test: proves a HIPAA suppression works' },
      { id: 'NIST.800.53.R5-S3DefaultEncryptionKMS', reason: 'test: proves a NIST suppression works' },
      { id: 'PCI.DSS.321-S3DefaultEncryptionKMS', reason: 'test: proves a PCI suppression works' },
      { id: 'CT.S3.PR.10', reason: 'test: proves a Control Tower suppression works' },
    ]);
    const after = complianceFindings(stack);

    // THEN
    const suppressed = ['AwsSolutions-S10', 'HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'PCI.DSS.321-S3DefaultEncryptionKMS', 'CT.S3.PR.10'].map((id) => `${id} @ S/UnencryptedBucket`);
    expect(findingKeys(before)).toEqual(expect.arrayContaining(suppressed));
    expect(findingKeys(after).filter((k) => suppressed.includes(k))).toEqual([]);
    // only those five are gone: everything else is still reported
    expect(findingKeys(before).filter((k) => !suppressed.includes(k))).toEqual(findingKeys(after));
  });

  test('a suppression on an ancestor covers the resources below it', () => {
    const stack = newStack();
    const block = new Construct(stack, 'Block');
    addKnownBadResources(block);
    Suppressions.add(block, [{ id: 'CT.EC2.PR.4', reason: 'test: suppression on an enclosing construct' }]);

    const keys = findingKeys(complianceFindings(block));
    expect(keys).not.toContain('CT.EC2.PR.4 @ S/Block/OpenSg');
    expect(keys).toContain('CT.EC2.PR.3 @ S/Block/OpenSg');
  });

  test('appliesTo suppresses one granular finding, including ids with ARNs that Validations.acknowledge rejects', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::exports/*'] }));
    const policy = 'S/Role/DefaultPolicy/Resource';
    expect(findingKeys(complianceFindings(stack, { gates: ['AwsSolutions'] }))).toEqual([
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::exports/*] @ ${policy}`,
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::reports/*] @ ${policy}`,
    ]);
    expect(() => Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::reports/*]', reason: 'x' }))
      .toThrow(/'::' delimiter is reserved/);

    Suppressions.add(role, [{ id: 'AwsSolutions-IAM5', reason: 'test: reports are read by key prefix', appliesTo: ['Resource::arn:aws:s3:::reports/*'] }]);

    expect(findingKeys(complianceFindings(stack, { gates: ['AwsSolutions'] }))).toEqual([
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::exports/*] @ ${policy}`,
    ]);
  });

  test('Validations.of(..).acknowledge from aws-cdk-lib is honoured by cdk-nag and Control Tower alike', () => {
    const stack = newStack();
    addKnownBadResources(stack);
    const sg = stack.node.findChild('OpenSg');
    Validations.of(sg).acknowledge(
      { id: 'AwsSolutions-EC23', reason: 'test: aws-cdk-lib acknowledge for cdk-nag' },
      { id: 'CT.EC2.PR.4', reason: 'test: aws-cdk-lib acknowledge for Control Tower' },
    );

    const keys = findingKeys(complianceFindings(stack));
    expect(keys).not.toContain('AwsSolutions-EC23 @ S/OpenSg');
    expect(keys).not.toContain('CT.EC2.PR.4 @ S/OpenSg');
    expect(keys).toContain('HIPAA.Security-EC2RestrictedSSH @ S/OpenSg');
  });

  test('throws when a suppression has no specific reason or a malformed id', () => {
    const stack = newStack();
    expect(() => Suppressions.add(stack, [
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'wildcards are needed here' },
      { id: 'CT.S3.PR.1', reason: 'ok' },
      { id: 'AwsSolutions-IAM5', reason: 'no granular finding listed', appliesTo: [] },
    ])).toThrow([
      'Invalid compliance suppressions on S:',
      "- suppressions[0].id: 'AwsSolutions-IAM5[Resource::*]' is not a rule id (expected e.g. 'AwsSolutions-IAM5', 'HIPAA.Security-RDSInBackupPlan' or 'CT.S3.PR.1'; put granular parts in appliesTo)",
      "- suppressions[1].reason: a suppression of 'CT.S3.PR.1' needs a specific reason of at least 10 characters (got: 'ok')",
      '- suppressions[2].appliesTo: empty list suppresses nothing; omit it or list the granular findings (got: [])',
    ].join('\n'));
  });

  test('formatFindings says when there is nothing to report', () => {
    expect(formatFindings([])).toBe('no compliance findings');
  });
});

describe('cfn-lint gate', () => {
  test('reports an invalid property value as an error', () => {
    const stack = newStack();
    const bucket = new s3.CfnBucket(stack, 'Bucket');
    bucket.addPropertyOverride('VersioningConfiguration.Status', 'Sometimes');

    const result = cfnLint(stack);

    expect(result.errors).toEqual([expect.objectContaining({
      ruleId: 'E3030',
      path: 'Resources/Bucket/Properties/VersioningConfiguration/Status',
      message: expect.stringMatching(/'Sometimes' is not one of \['Enabled', 'Suspended'\]/),
    })]);
    expect(() => expectCfnLintClean(stack)).toThrow(/cfn-lint reported 1 error\(s\) and 0 warning\(s\):\n- E3030 Resources\/Bucket/);
  });

  test('reports a reference to a resource that does not exist', () => {
    const result = cfnLint({
      Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'MissingKey' } } } },
    });
    expect(result.errors).toEqual([expect.objectContaining({
      ruleId: 'E1020', path: 'Resources/Topic/Properties/KmsMasterKeyId/Ref', message: expect.stringMatching(/^'MissingKey' is not one of/),
    })]);
  });

  test('passes a good template', () => {
    const stack = newStack();
    addGoodTopic(stack);
    const result = expectCfnLintClean(stack);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test('fails on a warning that is not ignored for a stated reason', () => {
    // W1020: Fn::Sub without a variable (a warning, not an error).
    const result = cfnLint({
      Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': 'plain-name' } } } },
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.ruleId)).toEqual(['W1020']);
    expect(() => expectCfnLintClean({
      Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': 'plain-name' } } } },
    })).toThrow(/cfn-lint reported 0 error\(s\) and 1 warning\(s\):\n- W1020/);
  });
});
