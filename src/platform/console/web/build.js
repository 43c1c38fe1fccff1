#!/usr/bin/env node
/* eslint-disable */
/**
 * Builds the console's web app into assets/platform/console/web/ (index.html, app.js, app.css):
 * Preact + esbuild, minified, one script and one stylesheet (the CSP allows nothing inline).
 * Fails when the compressed JavaScript exceeds the budget (150 KB gzip).
 *
 *   node src/platform/console/web/build.js [outDir]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const BUDGET_BYTES = 150 * 1024;
const root = path.resolve(__dirname, '../../../..');
const DEFAULT_OUT = path.join(root, 'assets/platform/console/web');

function build(outDir = DEFAULT_OUT) {
  fs.mkdirSync(outDir, { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: path.join(outDir, 'app.js'),
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.join(__dirname, 'tsconfig.json'),
  });
  fs.copyFileSync(path.join(__dirname, 'index.html'), path.join(outDir, 'index.html'));
  fs.copyFileSync(path.join(__dirname, 'app.css'), path.join(outDir, 'app.css'));
  const js = fs.readFileSync(path.join(outDir, 'app.js'));
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  if (gz > BUDGET_BYTES) throw new Error(`console web app: ${gz} bytes of gzipped JavaScript, over the ${BUDGET_BYTES}-byte budget`);
  return { outDir, jsBytes: js.length, gzipBytes: gz };
}

module.exports = { build, BUDGET_BYTES };

if (require.main === module) {
  const r = build(path.resolve(process.argv[2] ?? DEFAULT_OUT));
  console.log(`console web app: ${r.outDir} (app.js ${r.jsBytes} bytes, ${r.gzipBytes} gzipped, budget ${BUDGET_BYTES})`);
}
