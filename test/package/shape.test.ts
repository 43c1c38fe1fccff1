import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// Issue 18: every construct reads as a table of contents. A constructor over ~120 lines or a
// method over ~80 is a script again; an import circle (type-only included) between a block and
// its validation means the props interface lives in the wrong file.
const SRC = path.join(__dirname, '..', '..', 'src');
const MAX_CONSTRUCTOR = 120;
const MAX_METHOD = 80;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'web' ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every function-like member of a class whose body spans more lines than its limit. */
export function longMembers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const lines = (node: ts.Node) => {
    const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    return end - start + 1;
  };
  const visit = (node: ts.Node) => {
    if (ts.isConstructorDeclaration(node) && node.body && lines(node) > MAX_CONSTRUCTOR) {
      found.push(`${path.relative(SRC, file)}: constructor of ${(node.parent as ts.ClassDeclaration).name?.text} has ${lines(node)} lines (max ${MAX_CONSTRUCTOR})`);
    } else if ((ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node)) && node.body && lines(node) > MAX_METHOD) {
      found.push(`${path.relative(SRC, file)}: ${node.name.getText(source)} has ${lines(node)} lines (max ${MAX_METHOD})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Relative imports (type-only included) of a file, resolved to files under src/. */
function importsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  source.forEachChild((node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      if (!spec.startsWith('.')) return;
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
      if (target) out.push(target);
    }
  });
  return out;
}

/** Two-file circles: A imports B and B imports A (barrels excluded: a folder's index re-exports its files). */
export function circles(files: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [file, deps] of files) {
    for (const dep of deps) {
      if (path.basename(dep) === 'index.ts' || path.basename(file) === 'index.ts') continue;
      if (file < dep && (files.get(dep) ?? []).includes(file)) {
        found.push(`${path.relative(SRC, file)} <-> ${path.relative(SRC, dep)}`);
      }
    }
  }
  return found;
}

const FILES = sourceFiles(SRC).filter((f) => !f.endsWith('.lambda.ts') && !f.endsWith('.lambda-shared.ts'));

describe('every construct reads as a table of contents', () => {
  test('no constructor over 120 lines and no method over 80 in src/ (handlers aside)', () => {
    const long = FILES.flatMap((f) => longMembers(f, fs.readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });

  test('no file imports a file that imports it back (type-only imports included)', () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f, fs.readFileSync(f, 'utf8'))]));
    expect(circles(graph)).toEqual([]);
  });

  test('the checks can fail: a long constructor and a circle are found', () => {
    const body = Array.from({ length: 130 }, (_, i) => `    const a${i} = ${i};`).join('\n');
    expect(longMembers(path.join(SRC, 'x.ts'), `class X {\n  constructor() {\n${body}\n  }\n}\n`)).toHaveLength(1);
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    expect(circles(new Map([[a, [b]], [b, [a]]]))).toEqual(['a.ts <-> b.ts']);
  });
});
