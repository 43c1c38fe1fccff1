/**
 * What a consumer's `require('cdk-tenant-blocks')` loads must resolve with the package's own
 * dependencies: every module reachable from src/index.ts (and the compliance entry point) imports
 * only Node built-ins, its peer dependencies, or files of the package. Handler code that needs the
 * AWS SDK (a devDependency: the Lambda runtime ships it) is bundled into assets/ and must never be
 * reached from the construct side — the Python smoke app found exactly that break.
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Bare module specifiers reachable from `entry` through relative imports that are not type-only. */
export function runtimeImports(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const specifiers: string[] = [];
    source.forEachChild((node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
        if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
      }
    });
    // require('x') calls at any depth (lazy requires count: they run when the code runs)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
        && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
        specifiers.push(node.arguments[0].text);
      }
      node.forEachChild(visit);
    };
    visit(source);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const candidates = [`${base}.ts`, path.join(base, 'index.ts')];
        const next = candidates.find((c) => fs.existsSync(c));
        if (next) queue.push(next);
      } else if (!found.has(spec)) {
        found.set(spec, path.relative(ROOT, file));
      }
    }
  }
  return found;
}

function allowed(spec: string): boolean {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  return builtinModules.includes(spec.replace(/^node:/, '')) || builtinModules.includes(name)
    || name in (pkg.peerDependencies ?? {}) || name in (pkg.dependencies ?? {});
}

test('the library (src/index.ts) loads with its own dependencies only', () => {
  const offending = [...runtimeImports(path.join(ROOT, 'src', 'index.ts'))].filter(([spec]) => !allowed(spec));
  expect(offending.map(([spec, file]) => `${file} imports ${spec}`)).toEqual([]);
});

test('the check can fail: a handler module is reported with the devDependency it needs', () => {
  const offending = [...runtimeImports(path.join(ROOT, 'src', 'platform', 'provisioner', 'registry.lambda-shared.ts'))].filter(([spec]) => !allowed(spec));
  expect(offending.map(([spec]) => spec)).toContain('@aws-sdk/client-dynamodb');
});
