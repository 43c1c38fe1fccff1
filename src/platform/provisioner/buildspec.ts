/**
 * The CodeBuild job of one operation. Its commands are plain shell, run by CodeBuild in the
 * platform app's directory, and by the tests locally (synth only) against the example platform app.
 *
 * Contract with the platform app (docs/platform/provisioner.md, "The platform app contract"):
 * - `cdk.json` in the archive's root names the app; `npm ci` runs when a package-lock.json is there;
 * - the app reads `TENANT_SPEC_JSON` (one tenant spec, already validated by the API) and
 *   `TENANT_EXTERNAL_ID` (the link's external id, generated once by the registry; CodeBuild resolves
 *   it from an SSM SecureString with the tenant account's build role: StartBuild carries only the
 *   parameter's name) and
 *   synthesizes exactly one stack, named `TENANT_STACK_NAME`, for `TENANT_ACCOUNT`/`TENANT_REGION`,
 *   with the default stack synthesizer (so the CLI deploys it with the tenant account's
 *   `cdk-<qualifier>-deploy-role`); the build checks both before it deploys anything;
 * - the project gives every build `TENANT_LOGS_THROUGH_ORGANIZATION` (`true`/`false`: the hub admits an
 *   organization), which the app passes on as `TenantPlatformSettings.logsThroughOrganization`.
 */

/** The CDK CLI the build runs (a 2.x CLI: `latest` is 3.x, which cannot read this library's assemblies). */
export const CDK_CLI_VERSION = '2.1148.0';

/** The variables each build gets from the workflow (besides the project's). */
export const BUILD_VARIABLES = [
  'OPERATION_ID', 'OPERATION', 'TENANT_ID', 'TENANT_ACCOUNT', 'TENANT_REGION', 'TENANT_STACK_NAME',
  'TENANT_SPEC_JSON', 'TENANT_EXTERNAL_ID', 'RELEASE', 'DEPLOY_ROLE_ARN',
];

/** Where the cloud assembly goes: `CDK_OUT` when set (the tests), else cdk.out in the app's directory. */
const OUT = '"${CDK_OUT:-cdk.out}"';

const CDK = 'npx --yes "aws-cdk@${CDK_CLI_VERSION}"';

/** Checks the cloud assembly reports no missing context and holds exactly the requested stack, for the requested environment. */
const VERIFY_ASSEMBLY = [
  'node -e \'',
  'const m = require(require("path").resolve(process.env.CDK_OUT || "cdk.out", "manifest.json"));',
  // A lookup that failed leaves its key in `missing` and dummy values in the template: never deploy that.
  'if (Array.isArray(m.missing) && m.missing.length > 0) { console.error("the cloud assembly reports missing context (" + m.missing.map((x) => x.key).join(", ") + "): the build could not look it up with the lookup role of the tenant account; pin it in cdk.context.json of the platform app, or bootstrap the tenant account with --trust for the platform account"); process.exit(1); }',
  'const stacks = Object.entries(m.artifacts || {}).filter(([, a]) => a.type === "aws:cloudformation:stack");',
  'const want = process.env.TENANT_STACK_NAME;',
  'const names = stacks.map(([id, a]) => (a.properties && a.properties.stackName) || id);',
  'if (stacks.length !== 1 || names[0] !== want) { console.error("the platform app must synthesize exactly the stack " + want + ", it synthesized: " + (names.join(", ") || "nothing")); process.exit(1); }',
  'const env = "aws://" + process.env.TENANT_ACCOUNT + "/" + process.env.TENANT_REGION;',
  'if (stacks[0][1].environment !== env) { console.error("stack " + want + " targets " + stacks[0][1].environment + ", expected " + env); process.exit(1); }',
  'console.log("cloud assembly: exactly " + want + " in " + env);',
  '\'',
].join(' ');

/** Installs the app's dependencies. */
export const INSTALL_COMMANDS = [
  'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; fi',
];

/** Synthesizes the tenant's stack into cdk.out and checks it is exactly that stack (run locally by the tests). */
export const SYNTH_COMMANDS = [
  'test -n "$TENANT_SPEC_JSON" && test -n "$TENANT_STACK_NAME"',
  `rm -rf ${OUT}`,
  `${CDK} synth --quiet --no-notices --output ${OUT}`,
  VERIFY_ASSEMBLY,
];

/**
 * Deploys or destroys the pre-synthesized stack. The CLI assumes the tenant account's deploy role
 * named in the assembly (and its file-publishing role for assets): the build's own role may assume
 * nothing else. A destroy first lifts termination protection (PRODUCTION stacks carry it) with the
 * deploy role, in a subshell so those credentials go no further.
 */
export const DEPLOY_COMMANDS = [
  [
    'case "$OPERATION" in',
    `deploy) ${CDK} deploy --app ${OUT} --require-approval never --no-notices --progress events "$TENANT_STACK_NAME" ;;`,
    'destroy) (',
    'CREDS=$(aws sts assume-role --role-arn "$DEPLOY_ROLE_ARN" --role-session-name "provisioner-$OPERATION_ID" --query "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]" --output text) &&',
    'export AWS_ACCESS_KEY_ID=$(echo "$CREDS" | cut -f1) AWS_SECRET_ACCESS_KEY=$(echo "$CREDS" | cut -f2) AWS_SESSION_TOKEN=$(echo "$CREDS" | cut -f3) &&',
    '(aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name "$TENANT_STACK_NAME" --region "$TENANT_REGION" || true)',
    `) && ${CDK} destroy --app ${OUT} --force --no-notices "$TENANT_STACK_NAME" ;;`,
    '*) echo "unknown OPERATION \'$OPERATION\'"; exit 1 ;;',
    'esac',
  ].join(' '),
];

/** The buildspec object (version 0.2). */
export function buildSpecObject(): Record<string, unknown> {
  return {
    version: '0.2',
    env: {
      shell: 'bash',
      variables: {
        CDK_CLI_VERSION,
        // No telemetry, no update checks from a build.
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        npm_config_update_notifier: 'false',
      },
    },
    phases: {
      install: { 'runtime-versions': { nodejs: '22' }, 'commands': INSTALL_COMMANDS },
      build: { commands: [...SYNTH_COMMANDS, ...DEPLOY_COMMANDS] },
    },
  };
}
