/**
 * Benchmark of the developer loop's reload (issue 23): from saving a file to the new code answering
 * over HTTP, 20 saves, with `tenant-blocks dev`'s server (esbuild incremental rebuild, TypeScript
 * check of the change, load into the running worker) and a real local PostgreSQL running beside it.
 *
 *   npx projen bench:dev            # prints median and max over 20 saves
 *
 * The clock starts right before the file is written and stops when an HTTP response carries the
 * new value (polled every 5 ms), so it includes the file watcher's latency.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { DevServer } from '../src/dev/dev-server';

const ROOT = path.join(__dirname, '..');
const FIXTURE = path.join(ROOT, 'test', 'dev', 'fixtures', 'app');
const SAVES = Number(process.argv[2] ?? 20);

function greetingOf(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['x-greeting'] as string | undefined));
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-dev-bench-'));
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const server = await DevServer.start({ appDir: dir, port: 0 });
  const times: number[] = [];
  try {
    for (let i = 0; i < SAVES; i++) {
      const value = `bench-${i}`;
      const started = process.hrtime.bigint();
      fs.writeFileSync(path.join(dir, 'greeting.ts'), `export function greeting(): string {\n  return '${value}';\n}\n`);
      const deadline = Date.now() + 30_000;
      while ((await greetingOf(`${server.url}/`)) !== value) {
        if (Date.now() > deadline) throw new Error(`save ${i} never answered`);
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      // an editor does not save faster than a person types
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  console.log(`tenant-blocks dev reload, save → new code answering, ${SAVES} saves (TypeScript app, type-checked, local PostgreSQL running):`);
  console.log(`median ${median.toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms`);
  console.log(`all: ${times.map((t) => t.toFixed(0)).join(' ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
