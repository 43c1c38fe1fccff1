/**
 * `tenant-blocks init <dir>`: a platform app a team can own, from the package's example platform
 * app (examples/platform, shipped in the package): the hub, the provisioner and their release
 * build, a spec file with one tenant, the platform settings, a summary runner (synth, compliance
 * gates, cfn-lint, idle cost), and the availability zones of every account and region it names
 * written into cdk.context.json, so `npx cdk synth` works offline on the first try.
 *
 * Internal: used by the command-line client; not exported from the package's barrels.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PropsValidation } from '../core/validation';
import { parseTenantSpecs } from '../tenant/validate-tenant-spec';

/** Options of {@link initPlatformApp}. */
export interface InitOptions {
  /** The platform account (12 digits). @default '111111111111' (a placeholder to replace before a deploy) */
  readonly platformAccount?: string;
  /** The platform's region. @default 'us-east-1' */
  readonly region?: string;
  /** The first tenant's id. @default 'first-customer' */
  readonly tenantId?: string;
  /** The first tenant's account (12 digits). @default '222222222222' (a placeholder) */
  readonly tenantAccount?: string;
  /** Write into a folder that is not empty. @default false */
  readonly force?: boolean;
}

/** What {@link initPlatformApp} wrote. */
export interface InitResult {
  readonly dir: string;
  readonly files: string[];
  /** Whether cdk.context.json holds the zones (false: the first synth with credentials looks them up). */
  readonly zonesWritten: boolean;
}

/** The files of the example app a team's app is made of (relative to examples/platform). */
const APP_FILES = ['app.ts', 'config.ts', 'platform.ts', 'main.ts', 'cdk.json', 'app-code/index.js'];

/**
 * Regions where the zone names a, b and c exist in every account (names map to different physical
 * zones per account, which does not matter here). Elsewhere the names differ per account (us-west-1
 * has two zones, ap-northeast-1 and ca-central-1 lack a letter for many accounts): no guess is
 * written, and the first synth with credentials looks them up.
 */
const ABC_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'ap-northeast-2', 'sa-east-1'];

/** Three zone names of a region where they exist in every account; undefined elsewhere. */
export function zonesOf(region: string): string[] | undefined {
  return ABC_REGIONS.includes(region) ? ['a', 'b', 'c'].map((z) => `${region}${z}`) : undefined;
}

/** The package's root (where package.json and examples/ are), from src/init or lib/init. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'examples', 'platform'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('tenant-blocks init: the package has no examples/platform folder (a broken install?)');
}

/** Rewrites the example's imports of the library's sources to the published package. */
export function rewriteImports(source: string): string {
  return source
    .replace(/from '\.\.\/\.\.\/src(\/[a-z/-]+)?'/g, "from 'cdk-tenant-blocks'")
    .replace(/from '\.\.\/\.\.\/compliance(\/index)?'/g, "from 'cdk-tenant-blocks/compliance'");
}

/**
 * Writes a new platform app into `dir`. Every option is validated first; nothing is written when
 * one is wrong or the folder is not empty (without `force`).
 */
export function initPlatformApp(dir: string, options: InitOptions = {}): InitResult {
  const platformAccount = options.platformAccount ?? '111111111111';
  const region = options.region ?? 'us-east-1';
  const tenantId = options.tenantId ?? 'first-customer';
  const tenantAccount = options.tenantAccount ?? '222222222222';
  const v = new PropsValidation('tenant-blocks init', '');
  v.accountId('--platform-account', platformAccount);
  v.accountId('--tenant-account', tenantAccount);
  v.pattern('--region', '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$', 'an AWS region name, e.g. eu-west-1', region);
  v.tenantId('--tenant-id', tenantId);
  if (platformAccount === tenantAccount) {
    v.add('--tenant-account', 'must not be the platform account: each tenant lives in an account of its own', tenantAccount);
  }
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0 && !options.force) {
    v.add('<dir>', 'is not empty; choose a new folder (or --force to write into it)', target);
  }
  v.throwIfInvalid();

  const example = path.join(packageRoot(), 'examples', 'platform');
  const version = (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string; devDependencies: { [name: string]: string } });
  const tenants = { $schema: './node_modules/cdk-tenant-blocks/schema/tenant-spec.schema.json', tenants: [{ tenantId, tier: 'DEVELOPMENT', account: tenantAccount, region, database: {}, function: {} }] };
  // the same validation as the API and the constructs: a wrong default here would fail the first synth
  parseTenantSpecs(tenants);
  const files: { [file: string]: string } = {};
  for (const file of APP_FILES) {
    const text = fs.readFileSync(path.join(example, file), 'utf8');
    files[file] = file.endsWith('.ts') ? rewriteImports(text) : text;
  }
  files['tenants.json'] = `${JSON.stringify(tenants, undefined, 2)}\n`;
  files['platform.json'] = `${JSON.stringify({
    account: platformAccount,
    region,
    queryConsoleRoleArn: `arn:aws:iam::${platformAccount}:role/platform/query-console`,
    provisionerRoleArn: `arn:aws:iam::${platformAccount}:role/platform/provisioner`,
  }, undefined, 2)}\n`;
  const context: { [key: string]: string[] } = {};
  const zones = zonesOf(region);
  if (zones) for (const account of [platformAccount, tenantAccount]) context[`availability-zones:account=${account}:region=${region}`] = zones;
  files['cdk.context.json'] = `${JSON.stringify(context, undefined, 2)}\n`;
  const dev = version.devDependencies;
  files['package.json'] = `${JSON.stringify({
    name: 'platform-app',
    private: true,
    // a synth without the platform's link external ids is never deployed (app.ts refuses it otherwise)
    scripts: { synth: 'cdk synth -c throwawayExternalIds=true', summary: 'ts-node --prefer-ts-exts main.ts' },
    dependencies: {
      'cdk-tenant-blocks': `^${version.version === '0.0.0' ? '0.0.0' : version.version}`,
      'aws-cdk-lib': dev['aws-cdk-lib'] ?? '^2.257.0',
      'constructs': dev.constructs ?? '^10.5.1',
    },
    devDependencies: {
      'aws-cdk': dev['aws-cdk'] ?? '2.1148.0',
      'cdk-nag': dev['cdk-nag'] ?? '^3.0.2',
      '@cdklabs/cdk-validator-cfnguard': dev['@cdklabs/cdk-validator-cfnguard'] ?? '0.0.62',
      'ts-node': dev['ts-node'] ?? '^10.9.2',
      'typescript': dev.typescript ?? '~5.9.3',
      '@types/node': dev['@types/node'] ?? '^22',
    },
  }, undefined, 2)}\n`;
  files['tsconfig.json'] = `${JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, resolveJsonModule: true, types: ['node'] },
    exclude: ['cdk.out', 'node_modules'],
  }, undefined, 2)}\n`;
  files['.gitignore'] = 'node_modules/\ncdk.out/\n*.d.ts\n*.js\n!app-code/**/*.js\n';
  files['README.md'] = readme(tenantId, platformAccount, tenantAccount, region, zones !== undefined);

  fs.mkdirSync(target, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.writeFileSync(path.join(target, file), text);
  }
  return { dir: target, files: Object.keys(files).sort(), zonesWritten: zones !== undefined };
}

function readme(tenantId: string, platformAccount: string, tenantAccount: string, region: string, zonesWritten: boolean): string {
  return `# Platform app

Made by \`tenant-blocks init\` from cdk-tenant-blocks' example platform app: a \`PlatformHub\`
and a \`TenantProvisioner\` in the platform account (${platformAccount}, ${region}) and one stack per
tenant of \`tenants.json\` (now: \`${tenantId}\` in ${tenantAccount}).

\`\`\`bash
npm install
npm run summary     # synthesize every stack offline: resources, idle cost, compliance findings, cfn-lint, warnings
npm run synth       # the cloud assembly in cdk.out/ (with throwaway link external ids: never deploy it)
\`\`\`

- \`tenants.json\`: the tenants' whitelisted settings (validated with the JSON Schema the API uses).
  Once the provisioner runs, it owns them: \`tenant-blocks plan -f tenants.json\` shows the difference
  with its registry and \`tenant-blocks apply -f tenants.json\` makes the registry match.
- \`platform.json\`: the platform account, region and the roles that may use the tenants' links.
- \`cdk.context.json\`: ${zonesWritten
  ? `the availability zones of every account above in ${region} (no AWS call at synth); add a line for each
  new tenant account (\\\`availability-zones:account=<id>:region=${region}\\\`).`
  : `empty: zone names in ${region} differ per account, so the first \\\`npx cdk synth\\\` with credentials of each
  account looks them up and records them here (commit the file).`}
- \`app-code/\`: the app every tenant runs (replace it with yours; \`npx tenant-blocks dev app-code\`
  runs it locally behind the load balancer's exact events).
- A deploy needs each tenant's link external id (kept by the platform; \`TENANT_EXTERNAL_IDS_FILE\`):
  without it the app refuses to synthesize, because a deploy would cut the platform off the tenant.
  Before the first deploy: replace the placeholder accounts and onboard each tenant account (docs: access).
`;
}
