/**
 * The CDK app entry point for `cdk synth` / `cdk deploy` (see cdk.json). The summary runner is main.ts.
 */
import { App } from 'aws-cdk-lib';
import { readTenantsFile } from './config';
import { buildPlatformApp } from './platform';

const app = new App();
buildPlatformApp(app, readTenantsFile());
app.synth();
