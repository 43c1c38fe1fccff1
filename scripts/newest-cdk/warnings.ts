/**
 * Synthesizes the example platform app with whatever aws-cdk-lib resolves here and fails on any
 * synth warning (annotation) or deprecated API use (JSII_DEPRECATED=fail makes those throw).
 * Run by scripts/newest-cdk/run.sh against the newest aws-cdk-lib (issue 24: zero warnings from the
 * library on the newest aws-cdk-lib). No compliance gates here: cdk-nag is pinned to the dev version.
 */
import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_FILE, offlineContext, readPlatformFile } from '../../examples/platform/config';
import { buildPlatformApp } from '../../examples/platform/platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const version: string = require('aws-cdk-lib/package.json').version;
const app = new App({ outdir: process.argv[2], context: offlineContext() });
buildPlatformApp(app, readPlatformFile(DEFAULT_TENANTS_FILE));
const assembly = app.synth();
const warnings = assembly.stacks.flatMap((s) => s.messages.filter((m) => m.level === 'warning').map((m) => `${m.id}: ${String(m.entry.data)}`));
console.log(`aws-cdk-lib ${version}: ${assembly.stacks.length} stacks, ${warnings.length} synth warning(s)`);
warnings.forEach((w) => console.log(`- ${w}`));
if (warnings.length > 0) process.exitCode = 1;
