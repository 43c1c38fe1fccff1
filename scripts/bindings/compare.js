#!/usr/bin/env node
/**
 * Compares each language's smoke output (<outdir>/<lang>/template.json and error.txt) with the
 * TypeScript reference (<outdir>/typescript/...): the templates must be equal after normalising
 * asset hashes (as test/support/asset-hash-serializer.ts does for jest snapshots) and comparing
 * JSON values (key order and number formatting are the JSON library's, not the template's), and
 * the validation error texts must be identical. Exits 1 on any difference, naming it.
 *
 * Usage: node scripts/bindings/compare.js <outdir> <lang>...
 */
'use strict';
const fs = require('fs');
const path = require('path');

// The serializer's pattern: a 64-hex-digit asset hash, with the .zip/.json of an asset object key.
const ASSET_HASH = /[a-f0-9]{64}(\.zip|\.json)?/g;

/** The template with every asset hash replaced by [ASSET] and object keys sorted. */
function normalise(value) {
  if (typeof value === 'string') return value.replace(ASSET_HASH, (_m, ext) => `[ASSET]${ext ?? ''}`);
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalise(value[k])]));
  }
  return value;
}

/** Every asset hash in the template (of the function code, handlers and the template itself). */
function assetHashes(value) {
  return [...new Set(JSON.stringify(value).match(/[a-f0-9]{64}/g) ?? [])].sort();
}

/** Up to `max` paths where a and b differ, with both values. */
function differences(a, b, at = '', found = [], max = 20) {
  if (found.length >= max) return found;
  if (JSON.stringify(a) === JSON.stringify(b)) return found;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) {
    found.push(`${at || '/'}: typescript ${JSON.stringify(a)?.slice(0, 200)} <> ${JSON.stringify(b)?.slice(0, 200)}`);
    return found;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    differences(a[k], b[k], `${at}/${k}`, found, max);
  }
  return found;
}

function main() {
  const [outDir, ...langs] = process.argv.slice(2);
  if (!outDir || langs.length === 0) {
    console.error('usage: compare.js <outdir> <lang>...');
    process.exit(2);
  }
  const read = (lang, file) => fs.readFileSync(path.join(outDir, lang, file), 'utf8');
  const raw = JSON.parse(read('typescript', 'template.json'));
  const reference = normalise(raw);
  const referenceHashes = assetHashes(raw).join(',');
  const referenceError = read('typescript', 'error.txt');
  const resources = Object.keys(reference.Resources ?? {}).length;
  let failed = false;
  for (const lang of langs) {
    const problems = [];
    let template;
    let hashes = '';
    try {
      const parsed = JSON.parse(read(lang, 'template.json'));
      hashes = assetHashes(parsed).join(',');
      template = normalise(parsed);
    } catch (e) {
      problems.push(`no template: ${e.message}`);
    }
    if (template) {
      problems.push(...differences(reference, template).map((d) => `template ${d}`));
    }
    let error;
    try {
      error = read(lang, 'error.txt');
    } catch (e) {
      problems.push(`no validation error text: ${e.message}`);
    }
    if (error !== undefined && error !== referenceError) {
      problems.push(`validation error text differs:\n--- typescript\n${referenceError}\n--- ${lang}\n${error}`);
    }
    if (problems.length > 0) {
      failed = true;
      console.error(`[bindings:compare] ${lang}: DIFFERENT from typescript`);
      problems.forEach((p) => console.error(`  ${p}`));
    } else {
      // Asset hashes are content hashes: equal unless a language stages an asset differently.
      const same = hashes === referenceHashes ? 'asset hashes equal too' : 'asset hashes differ (normalised)';
      console.log(`[bindings:compare] ${lang}: template identical to typescript (${resources} resources, ${same}); validation error identical`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
