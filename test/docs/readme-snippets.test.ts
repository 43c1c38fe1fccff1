/**
 * Every TypeScript snippet in README.md and docs/*.md compiles against the library's source, as a
 * user would write it: `import ... from 'cdk-tenant-blocks'` resolves to src/index.ts (and
 * `cdk-tenant-blocks/compliance` to compliance/index.ts), aws-cdk-lib and
 * constructs to the dev pins. A snippet is a whole module (its own imports); context it needs but
 * does not build (a bucket, a hosted zone) is declared in the snippet with `declare const`.
 * A fence written ```ts nocompile is skipped and must say why in the text around it.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, '.snippets');

interface Snippet {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** The ```ts fences of a markdown file, with the line each starts on. */
export function snippetsOf(markdown: string, file: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|typescript)(\s+\S.*)?$/.exec(lines[i].trim());
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    if (!(fence[2] ?? '').includes('nocompile')) {
      snippets.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    }
    i = end;
  }
  return snippets;
}

function markdownFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  const files = [path.join(ROOT, 'README.md')];
  if (fs.existsSync(docs)) {
    files.push(...fs.readdirSync(docs).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(docs, f)));
  }
  return files;
}

/** Compiles snippets in one program and returns the diagnostics per snippet. */
function compile(snippets: Snippet[]): Map<Snippet, string[]> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const byFile = new Map<string, Snippet>();
  snippets.forEach((s, i) => {
    const name = path.join(OUT, `snippet-${String(i).padStart(3, '0')}.ts`);
    // Each snippet is a module of its own, even when it has no import.
    fs.writeFileSync(name, `${s.code}\nexport {};\n`);
    byFile.set(name, s);
  });
  const program = ts.createProgram([...byFile.keys()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    noImplicitAny: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    baseUrl: ROOT,
    paths: { 'cdk-tenant-blocks': ['src/index.ts'], 'cdk-tenant-blocks/compliance': ['compliance/index.ts'] },
  });
  const result = new Map<Snippet, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const snippet = diagnostic.file ? byFile.get(path.resolve(diagnostic.file.fileName)) : undefined;
    if (!snippet) continue;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const list = result.get(snippet) ?? [];
    list.push(`line ${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    result.set(snippet, list);
  }
  return result;
}

describe('documentation snippets', () => {
  const snippets = markdownFiles().flatMap((f) => snippetsOf(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f)));
  const diagnostics = compile(snippets);

  test('the README has TypeScript snippets to compile', () => {
    expect(snippets.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(4);
  });

  test.each(snippets.map((s) => [`${s.file}:${s.line}`, s] as const))('%s compiles', (_where, snippet) => {
    expect(diagnostics.get(snippet) ?? []).toEqual([]);
  });

  test('the compiler check can fail: a snippet with an undefined variable is reported', () => {
    const bad = { file: 'bad.md', line: 1, code: "import { TenantTier } from 'cdk-tenant-blocks';\nconst t: TenantTier = notDefined;" };
    const found = compile([bad]).get(bad) ?? [];
    expect(found.join('\n')).toMatch(/Cannot find name 'notDefined'/);
  });
});
