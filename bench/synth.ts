/**
 * One benchmark sample, run in a fresh process: builds `count` tenants with one variant, synthesizes
 * them, and prints one JSON line with the synth wall time, its CPU time (user + system, all threads),
 * peak RSS, resources and template bytes.
 *
 *   node -r ts-node/register/transpile-only bench/synth.ts <plain|blocks> <count> <outdir>
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { blocksTenant } from './blocks';
import { plainTenant } from './plain';

const [variant, countText, outdir] = process.argv.slice(2);
const count = Number(countText);
const env = { account: '210987654321', region: 'us-east-1' };
const context = {
  'availability-zones:account=210987654321:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'],
};

const started = process.hrtime.bigint();
// CPU time as well as wall time: on a shared machine the wall time also counts waiting for a core.
const cpuStarted = process.cpuUsage();
const app = new App({ outdir, context });
for (let i = 0; i < count; i++) {
  const id = `tenant-${String(i).padStart(3, '0')}`;
  if (variant === 'plain') plainTenant(app, id, env);
  else blocksTenant(app, id, env);
}
const assembly = app.synth();
const synthMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStarted);
const synthCpuMs = (cpu.user + cpu.system) / 1000;

let resources = 0;
let templateBytes = 0;
for (const stack of assembly.stacks) {
  const text = fs.readFileSync(path.join(assembly.directory, stack.templateFile), 'utf8');
  templateBytes += text.length;
  resources += Object.keys(JSON.parse(text).Resources ?? {}).length;
}
console.log(JSON.stringify({
  variant,
  count,
  synthMs,
  synthCpuMs,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  resources,
  templateBytes,
}));
