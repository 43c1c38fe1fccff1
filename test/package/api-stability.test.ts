/**
 * Issue 10, "what is internal stops being public API or is marked and documented as such; TSDoc
 * says what is stable": the README's "What is stable" section and the TSDoc of every export of
 * src/index.ts must agree. Each symbol the README lists as "exported for the blocks' own use"
 * carries the marker in its TSDoc (so an IDE hover, API.md and the Python/Java/Go docs say it), and
 * no other export carries it; every symbol the README calls stable is exported and unmarked.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
/** The sentence that marks an export as not stable API (TSDoc of the declaration). */
export const INTERNAL_MARKER = 'Not stable API:';

/** Names of every export of `entry`, with the TSDoc text of its declaration. */
export function exportedDocs(entry: string): Map<string, string> {
  return new Map([...exportedSymbols(entry)].map(([name, e]) => [name, e.doc]));
}

/** Every export of `entry`: its TSDoc text and whether it is only an interface (a struct or contract). */
export function exportedSymbols(entry: string): Map<string, { doc: string; interfaceOnly: boolean }> {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const symbols = new Map<string, { doc: string; interfaceOnly: boolean }>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    // eslint-disable-next-line no-bitwise -- TypeScript's symbol flags are a bit set
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    symbols.set(exported.getName(), {
      doc: ts.displayPartsToString(symbol.getDocumentationComment(checker)),
      // eslint-disable-next-line no-bitwise -- TypeScript's symbol flags are a bit set
      interfaceOnly: (symbol.flags & ts.SymbolFlags.Interface) !== 0 && (symbol.flags & ts.SymbolFlags.Value) === 0,
    });
  }
  return symbols;
}

/** The backticked identifiers of the README bullet that starts with `label`. */
export function readmeList(readme: string, label: string): string[] {
  const section = readme.split('\n## What is stable')[1]?.split('\n## ')[0] ?? '';
  const bullet = section.split('\n- ').find((b) => b.replace(/^\*\*/, '').startsWith(label)) ?? '';
  return [...bullet.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]);
}

describe('what is stable API (README "What is stable" and TSDoc agree)', () => {
  const symbols = exportedSymbols(path.join(ROOT, 'src', 'index.ts'));
  const docs = new Map([...symbols].map(([name, e]) => [name, e.doc]));
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const internal = readmeList(readme, 'Exported for the blocks\' own use');
  const stable = readmeList(readme, 'Stable');

  test('the README lists both kinds', () => {
    expect(internal.length).toBeGreaterThan(5);
    expect(stable.length).toBeGreaterThan(15);
  });

  test('every symbol the README calls internal is exported and marked in its TSDoc', () => {
    const unmarked = internal.filter((name) => !(docs.get(name) ?? '').includes(INTERNAL_MARKER));
    expect(unmarked).toEqual([]);
  });

  test('no other export carries the marker (README lists every marked symbol)', () => {
    const marked = [...docs].filter(([, doc]) => doc.includes(INTERNAL_MARKER)).map(([name]) => name).sort();
    expect(marked).toEqual([...new Set(internal)].sort());
  });

  test('every symbol the README calls stable is exported and not marked', () => {
    const wrong = stable.filter((name) => !docs.has(name) || docs.get(name)!.includes(INTERNAL_MARKER));
    expect(wrong).toEqual([]);
  });

  test('every class, enum, constant and function exported is classified as stable or internal', () => {
    const classified = new Set([...stable, ...internal]);
    const unclassified = [...symbols].filter(([name, e]) => !e.interfaceOnly && !classified.has(name)).map(([name]) => name);
    expect(unclassified).toEqual([]);
  });

  test('the props and options structs of an internal construct are internal too', () => {
    const internalClasses = internal.filter((name) => /^[A-Z][a-z]/.test(name));
    const structs = [...symbols].filter(([name, e]) => e.interfaceOnly && internalClasses.some((c) => name === `${c}Props` || name === `${c}Options`));
    expect(structs.filter(([, e]) => !e.doc.includes(INTERNAL_MARKER)).map(([name]) => name)).toEqual([]);
  });

  test('the check can fail: an unmarked symbol in the internal list is reported', () => {
    const fake = readme.replace('Exported for the blocks\' own use', 'Exported for the blocks\' own use, `TenantPostgres`,');
    const list = readmeList(fake, 'Exported for the blocks\' own use');
    expect(list).toContain('TenantPostgres');
    expect(list.filter((name) => !(docs.get(name) ?? '').includes(INTERNAL_MARKER))).toEqual(['TenantPostgres']);
  });
});
