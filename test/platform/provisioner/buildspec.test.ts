// The build's own commands, run locally against the example platform app (synth only, no deploy),
// with the variables the operation workflow gave the build for a tenant created through the API:
// registry -> workflow -> build variables -> `cdk synth` -> exactly that tenant's stack.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CALLER, LocalDynamo, LocalWorkflows, createRegistryTable, provisionerStack, startDynalite, testConfig } from './support';
import { handleApiRequest } from '../../../src/platform/provisioner/api.lambda-shared';
import { CDK_CLI_VERSION, SYNTH_COMMANDS, buildSpecObject } from '../../../src/platform/provisioner/buildspec';
import { Registry } from '../../../src/platform/provisioner/registry.lambda-shared';
import { memoryExternalIdStore } from '../../../src/platform/provisioner/workflow-external-id.lambda-shared';
import { externalIdStoreOf } from '../../../src/platform/provisioner/workflow.lambda-shared';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'platform');

function runCommands(commands: string[], env: Record<string, string>, cwd: string) {
  return spawnSync('bash', ['-e', '-c', commands.join('\n')], {
    cwd,
    encoding: 'utf-8',
    env: { ...process.env, ...env, CDK_CLI_VERSION, TS_NODE_TRANSPILE_ONLY: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
}

describe('the buildspec', () => {
  test('installs with npm ci, runs a pinned 2.x CDK CLI on Node.js 22 and deploys the pre-synthesized assembly', () => {
    const spec = buildSpecObject() as any;
    expect(spec.phases.install['runtime-versions']).toEqual({ nodejs: '22' });
    expect(spec.env.variables.CDK_CLI_VERSION).toBe(CDK_CLI_VERSION);
    const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).devDependencies['aws-cdk'];
    expect(pinned).toContain(CDK_CLI_VERSION);
    const build = spec.phases.build.commands.join('\n');
    expect(build).toContain('npx --yes "aws-cdk@${CDK_CLI_VERSION}" deploy --app "${CDK_OUT:-cdk.out}" --require-approval never');
    expect(build).toContain('destroy --app "${CDK_OUT:-cdk.out}" --force');
    // The CLI assumes the deploy role named in the assembly; --role-arn would name a CloudFormation service role instead.
    expect(build).not.toMatch(/(deploy|destroy) --app [^;]*--role-arn/);
  });

  describe('run locally against the example platform app', () => {
    let dynamo: LocalDynamo;
    let out: string;
    beforeAll(async () => {
      dynamo = await startDynalite();
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'provisioner-build-'));
    });
    afterAll(async () => {
      await dynamo.close();
      fs.rmSync(out, { recursive: true, force: true });
    });

    test('synthesizes exactly the requested tenant\'s stack, with the registry\'s settings and link id', async () => {
      const { stack } = provisionerStack();
      await createRegistryTable(dynamo.client, 'registry-build', stack);
      const registry = new Registry(dynamo.client, 'registry-build');
      const config = testConfig('registry-build');
      const workflows = new LocalWorkflows({ stack, registry, client: dynamo.client, config, behaviour: () => ({ stackStatus: 'CREATE_COMPLETE' }) });
      const spec = {
        tenantId: 'acme',
        tier: 'DEVELOPMENT',
        account: '210987654321',
        database: { maxCapacity: 6, allowedCidrs: ['203.0.113.0/24'], maintenanceWindow: 'sat:22:00-sat:23:00' },
      };
      const created = await handleApiRequest({
        resource: '/tenants', httpMethod: 'POST', body: JSON.stringify({ spec }), requestContext: { identity: { userArn: CALLER } },
      }, { registry, config, workflows: workflows.starter() });
      expect(created.statusCode).toBe(201);
      await workflows.settle();
      const env = workflows.log.builds[0] as Record<string, string>;
      const tenant = (await registry.getTenant('acme'))!;
      // StartBuild names the SecureString parameter (PARAMETER_STORE); CodeBuild gives the build its value, as here.
      expect(env.TENANT_EXTERNAL_ID).toBe('/tenant-blocks/hnb659fds/external-id/210987654321/acme');
      const parameters = (externalIdStoreOf({} as any) as ReturnType<typeof memoryExternalIdStore>).values;
      expect(parameters.get(env.TENANT_EXTERNAL_ID)).toBe(tenant.externalId);

      const run = runCommands(SYNTH_COMMANDS, { ...env, TENANT_EXTERNAL_ID: parameters.get(env.TENANT_EXTERNAL_ID)!, CDK_OUT: out }, EXAMPLE);
      expect([run.status, run.stderr]).toEqual([0, expect.anything()]);
      expect(run.stdout).toContain('cloud assembly: exactly Tenant-acme in aws://210987654321/us-east-1');

      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      const stacks = Object.entries(manifest.artifacts as Record<string, any>).filter(([, a]) => a.type === 'aws:cloudformation:stack');
      expect(stacks.map(([id]) => id)).toEqual(['Tenant-acme']);
      // The default synthesizer: the CLI deploys with the tenant account's deploy role, nothing else.
      expect(stacks[0][1].properties.assumeRoleArn).toBe('arn:${AWS::Partition}:iam::210987654321:role/cdk-hnb659fds-deploy-role-210987654321-us-east-1');
      const template = JSON.parse(fs.readFileSync(path.join(out, 'Tenant-acme.template.json'), 'utf8'));
      const resources = Object.values(template.Resources) as Array<Record<string, any>>;
      const cluster = resources.find((r) => r.Type === 'AWS::RDS::DBCluster')!;
      expect(cluster.Properties.ServerlessV2ScalingConfiguration.MaxCapacity).toBe(6);
      expect(cluster.Properties.PreferredMaintenanceWindow).toBe('sat:22:00-sat:23:00');
      expect(JSON.stringify(template)).toContain('203.0.113.0/24');
      expect(JSON.stringify(template)).toContain(tenant.externalId);
    });

    test('the check fails when the assembly holds another stack as well (the check can fail)', () => {
      const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'provisioner-fake-'));
      fs.writeFileSync(path.join(fake, 'manifest.json'), JSON.stringify({
        artifacts: {
          'Tenant-acme': { type: 'aws:cloudformation:stack', environment: 'aws://210987654321/us-east-1' },
          'Platform-Hub': { type: 'aws:cloudformation:stack', environment: 'aws://111111111111/us-east-1' },
        },
      }));
      const verify = SYNTH_COMMANDS[SYNTH_COMMANDS.length - 1];
      const run = runCommands([verify], { CDK_OUT: fake, TENANT_STACK_NAME: 'Tenant-acme', TENANT_ACCOUNT: '210987654321', TENANT_REGION: 'us-east-1' }, fake);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('the platform app must synthesize exactly the stack Tenant-acme, it synthesized: Tenant-acme, Platform-Hub');
      fs.rmSync(fake, { recursive: true, force: true });
    });
  });
});
