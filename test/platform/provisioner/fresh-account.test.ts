// The provisioner must start on a fresh AWS account: each defect found on a new platform account
// (issue 19, section 3) has a test here.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { provisionerStack } from './support';
import { SYNTH_COMMANDS } from '../../../src/platform/provisioner/buildspec';
import { MAX_PROVISIONER_ACCOUNTS } from '../../../src/platform/provisioner/validate-tenant-provisioner-props';
import { expectCompliant } from '../../support/compliance';

function rolePolicyStatements(template: Template, rolePrefix: string): Array<Record<string, any>> {
  return Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith(rolePrefix))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
}

describe('a fresh platform account', () => {
  const { stack } = provisionerStack();
  const template = Template.fromStack(stack);
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const nameOf = (prefix: string): string => Object.entries(machines).find(([id]) => id.startsWith(prefix))![1].Properties.StateMachineName;

  test.each([['ProvisionerOperationWorkflow', 'Operations'], ['ProvisionerRolloutWorkflow', 'Rollouts']])(
    '%s has a fixed name, and its role\'s key grant names exactly that state machine (not an ARN with an empty name)',
    (prefix, suffix) => {
      const name = nameOf(prefix);
      expect(name).toMatch(new RegExp(`^Platform.*Provisioner.*-${suffix}$`));
      expect(name.length).toBeLessThanOrEqual(80);
      const grant = rolePolicyStatements(template, `${prefix}Role`)
        .find((s) => JSON.stringify(s.Action) === JSON.stringify(['kms:Decrypt', 'kms:GenerateDataKey']) && s.Condition?.StringEquals?.['kms:EncryptionContext:aws:states:stateMachineArn'])!;
      const arn = JSON.stringify(grant.Condition.StringEquals['kms:EncryptionContext:aws:states:stateMachineArn']);
      expect(arn).toContain(`:stateMachine:${name}`);
      expect(arn).not.toMatch(/:stateMachine:"/);
    },
  );

  test('the rollout role may use the key for the operation workflow it starts (encrypted input, .sync output)', () => {
    const grant = rolePolicyStatements(template, 'ProvisionerRolloutWorkflowRole').find((s) => s.Sid === 'OperationWorkflowState')!;
    expect(grant).toMatchObject({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ProvisionerKey/), 'Arn'] } });
    expect(grant.Condition.StringEquals['kms:EncryptionContext:aws:states:stateMachineArn']).toEqual({ Ref: expect.stringMatching(/^ProvisionerOperationWorkflow/) });
  });

  test('no function reserves concurrency by default: a new account (quota 10 or 50) refuses any reservation', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  test('reserveConcurrency reserves 20 for the workflow steps and 10 for the API', () => {
    const t = Template.fromStack(provisionerStack({ reserveConcurrency: true }).stack);
    const reserved = Object.entries(t.findResources('AWS::Lambda::Function')).map(([id, f]) => [id.replace(/[0-9A-F]{8}$/, ''), f.Properties.ReservedConcurrentExecutions]).sort();
    expect(reserved).toEqual([['ProvisionerApiFunction', 10], ['ProvisionerWorkflowFunction', 20]]);
  });

  test('the account-level API Gateway CloudWatch role is not touched by default (one setting per account)', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  test('apiGatewayCloudWatchRole sets it (retained), the stage waits for it, and the gates pass', () => {
    const { stack: s } = provisionerStack({ apiGatewayCloudWatchRole: true });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ApiGateway::Account', 1);
    const [accountId, account] = Object.entries(t.findResources('AWS::ApiGateway::Account'))[0];
    expect(account.DeletionPolicy).toBe('Retain');
    const role = t.findResources('AWS::IAM::Role', { Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'apigateway.amazonaws.com' } })] } } });
    expect(Object.keys(role)).toHaveLength(1);
    const [, stage] = Object.entries(t.findResources('AWS::ApiGateway::Stage'))[0];
    expect(stage.DependsOn).toContain(accountId);
    expectCompliant(s);
  });

  test(`${MAX_PROVISIONER_ACCOUNTS} listed tenant accounts fit: every role policy under IAM's limits, every function's environment under Lambda's 4 KB`, () => {
    const accounts = Array.from({ length: MAX_PROVISIONER_ACCOUNTS }, (_, i) => String(100000000000 + i * 7919));
    const big = Template.fromStack(provisionerStack({ tenantAccountIds: accounts }).stack).toJSON();
    const literal = (v: any): any => (Array.isArray(v) ? v.map(literal)
      : v && typeof v === 'object' ? (v['Fn::Join'] ? v['Fn::Join'][1].map((x: unknown) => (typeof x === 'string' ? x : 'aws')).join('') : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, literal(x)])))
        : v);
    const resources = Object.entries(big.Resources as Record<string, any>);
    // One build role per account, its rights inside it: the stack stays under CloudFormation's 500 resources.
    expect(resources.filter(([, x]) => x.Type === 'AWS::IAM::Role' && String(x.Properties.RoleName ?? '').startsWith('tenant-blocks-build-'))).toHaveLength(MAX_PROVISIONER_ACCOUNTS);
    expect(resources.length).toBeLessThan(400);
    // IAM: inline policies of a role 10,240 characters in all, a managed policy 6,144 (no whitespace).
    const inline = resources.filter(([, x]) => x.Type === 'AWS::IAM::Policy').map(([, r]) => JSON.stringify(literal(r.Properties.PolicyDocument)).length);
    expect(Math.max(...inline)).toBeLessThan(10_240);
    const managed = resources.filter(([, x]) => x.Type === 'AWS::IAM::ManagedPolicy').map(([, r]) => JSON.stringify(literal(r.Properties.PolicyDocument)).length);
    expect(Math.max(0, ...managed)).toBeLessThan(6_144);
    const envs = resources.filter(([, x]) => x.Type === 'AWS::Lambda::Function').map(([, r]) => JSON.stringify(literal(r.Properties.Environment?.Variables ?? {})).length);
    expect(Math.max(...envs)).toBeLessThan(4_096);
    expect(() => provisionerStack({ tenantAccountIds: [...accounts, '999999999999'] })).toThrow(`lists at most ${MAX_PROVISIONER_ACCOUNTS} accounts; use organizationId for larger fleets`);
  });

  describe('the build on a tenant account whose context is not pre-seeded', () => {
    let dir: string;
    beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisioner-missing-')); });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const verify = (manifest: Record<string, unknown>) => {
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      return spawnSync('bash', ['-e', '-c', SYNTH_COMMANDS[SYNTH_COMMANDS.length - 1]], {
        cwd: dir,
        encoding: 'utf-8',
        env: { ...process.env, CDK_OUT: dir, TENANT_STACK_NAME: 'Tenant-acme', TENANT_ACCOUNT: '510987654321', TENANT_REGION: 'eu-west-1' },
      });
    };
    const stackArtifact = { 'Tenant-acme': { type: 'aws:cloudformation:stack', environment: 'aws://510987654321/eu-west-1' } };

    test('fails with a message naming the missing context when the assembly reports it', () => {
      const run = verify({
        artifacts: stackArtifact,
        missing: [{ key: 'availability-zones:account=510987654321:region=eu-west-1', provider: 'availability-zones', props: { account: '510987654321', region: 'eu-west-1' } }],
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('the cloud assembly reports missing context (availability-zones:account=510987654321:region=eu-west-1)');
      expect(run.stderr).toContain('lookup role of the tenant account');
    });

    test('passes a complete assembly (the check can pass)', () => {
      const run = verify({ artifacts: stackArtifact });
      expect([run.status, run.stderr]).toEqual([0, '']);
    });
  });
});
