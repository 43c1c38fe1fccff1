/**
 * What `npm publish` would ship: the library, its handlers' bundles, its sources (the inline source
 * maps of lib/ point to src/), the JSON Schema of the tenant spec — and no internal file.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
}

describe('npm package contents', () => {
  const files = packedFiles();

  test.each([
    ['.agents/', /^\.agents\//],
    ['scripts/', /^scripts\//],
    ['tsconfig.dev.json', /^tsconfig\.dev\.json$/],
    ['test/', /^test\//],
    ['integ/', /^integ\//],
    ['examples/ other than the platform app init copies', /^examples\/(?!platform\/)/],
    ['the example\'s cloud assembly', /^examples\/platform\/cdk\.out\//],
    ['bench/', /^bench\//],
    ['.ci/', /^\.ci\//],
    ['.projenrc.ts', /^\.projenrc\.ts$/],
  ])('ships no internal file: %s', (_name, pattern) => {
    expect(files.filter((f) => pattern.test(f))).toEqual([]);
  });

  test('ships the sources the inline source maps of lib/ point to', () => {
    expect(files).toEqual(expect.arrayContaining(['src/index.ts', 'src/core/index.ts', 'src/cost/tenant-cost-estimate.ts']));
  });

  test('ships the example platform app `tenant-blocks init` copies', () => {
    expect(files).toEqual(expect.arrayContaining(['examples/platform/app.ts', 'examples/platform/platform.ts', 'examples/platform/config.ts', 'examples/platform/main.ts', 'examples/platform/app-code/index.js']));
  });

  test('ships the bundled handlers (no esbuild or Docker at the consumer\'s synth)', () => {
    expect(files.filter((f) => /^assets\/.+\/index\.js$/.test(f)).length).toBeGreaterThan(0);
  });
});
