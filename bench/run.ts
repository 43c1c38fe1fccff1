/**
 * Synth speed and memory of the blocks, compared with plain aws-cdk-lib in the same run, on the
 * same machine, in alternating fresh processes (so neither side profits from a warm cache).
 *
 *   npx projen bench                 # 1, 10 and 50 tenants, 3 samples each, medians
 *   npx projen bench -- 1,10 5       # tenant counts, samples
 *   npx projen bench -- 1000 1        # a fleet: can one process synthesize 1,000 tenants, in how much memory?
 *                                     # (with Node's own default heap limit, as `cdk synth` runs an app)
 *   npx projen bench -- 1000 1 16384  # the same with a V8 heap limit of 16 GiB (V8 collects later)
 *
 * This is a measurement, not a test: it prints figures and never fails on a threshold.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';

interface Sample {
  readonly variant: string;
  readonly count: number;
  readonly synthMs: number;
  readonly synthCpuMs: number;
  readonly maxRssMiB: number;
  readonly resources: number;
  readonly templateBytes: number;
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const counts = (args[0] ?? '1,10,50').split(',').map(Number);
const samples = Number(args[1] ?? 3);
// V8's old-space limit (MiB) of each sample. By default (`node`) Node's own limit, the one a plain
// `cdk synth` runs an app with (4,144 MiB here): the figure a user meets, and an app that does not
// fit crashes here as it would there. A number raises it (e.g. 16384: V8 then postpones collecting,
// so the peak shows what V8 chose to keep, not what the app needs).
const heapArg = args[2] ?? 'node';
const heapFlags = heapArg === 'node' ? [] : [`--max-old-space-size=${Number(heapArg)}`];
const heapLabel = heapArg === 'node' ? `Node's default (${Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20)} MiB)` : `${Number(heapArg)} MiB`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-blocks-bench-'));

function sample(variant: string, count: number): Sample {
  const outdir = path.join(work, `${variant}-${count}`);
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    // The heap limit above (or Node's default with `node`): a high limit lets V8 postpone collecting.
    [...heapFlags, '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'synth.ts'), variant, String(count), outdir],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`${variant} x${count} failed:\n${result.stderr}`);
  }
  const line = result.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Sample;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows: string[][] = [['tenants', 'variant', 'synth (median)', 'peak RSS (median)', 'resources', 'template', 'ms/resource', 'ms/KB', 'ms/KB vs plain', 'CPU ms/KB vs plain', 'vs plain']];
console.log(`node ${process.version}, ${os.cpus().length} cores; ${samples} samples per cell, alternating variants; V8 heap limit ${heapLabel}`);
for (const count of counts) {
  const bySide: Record<string, Sample[]> = { plain: [], blocks: [] };
  for (let i = 0; i < samples; i++) {
    for (const variant of ['plain', 'blocks']) bySide[variant].push(sample(variant, count));
  }
  const plainMs = median(bySide.plain.map((s) => s.synthMs));
  // The goal is per KB of template (issue 21 §4): a blocks tenant is several times the template of a plain one.
  const plainMsPerKb = plainMs / (bySide.plain[0].templateBytes / 1024);
  const plainCpuPerKb = median(bySide.plain.map((s) => s.synthCpuMs)) / (bySide.plain[0].templateBytes / 1024);
  for (const variant of ['plain', 'blocks']) {
    const s = bySide[variant];
    const ms = median(s.map((x) => x.synthMs));
    rows.push([
      String(count),
      variant,
      `${(ms / 1000).toFixed(2)} s`,
      `${median(s.map((x) => x.maxRssMiB)).toFixed(0)} MiB`,
      String(s[0].resources),
      `${(s[0].templateBytes / 1024).toFixed(0)} KB`,
      (ms / s[0].resources).toFixed(2),
      (ms / (s[0].templateBytes / 1024)).toFixed(2),
      variant === 'plain' ? '' : `${(ms / (s[0].templateBytes / 1024) / plainMsPerKb).toFixed(2)}x`,
      variant === 'plain' ? '' : `${(median(s.map((x) => x.synthCpuMs)) / (s[0].templateBytes / 1024) / plainCpuPerKb).toFixed(2)}x`,
      variant === 'plain' ? '' : `${(ms / plainMs).toFixed(2)}x time, ${(median(s.map((x) => x.maxRssMiB)) / median(bySide.plain.map((x) => x.maxRssMiB))).toFixed(2)}x memory`,
    ]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
fs.rmSync(work, { recursive: true, force: true });
