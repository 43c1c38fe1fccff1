/**
 * How the developer loop builds an app: one set of esbuild settings for `tenant-blocks dev` (what
 * answers locally) and `tenant-blocks push` (what answers in the DEVELOPMENT tenant), so the code a
 * developer tried is the code that is pushed.
 *
 * Internal: not exported from the package's barrels.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as esbuild from 'esbuild';

/** The file endings an entry may have, in the order they are looked for. */
export const ENTRY_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** The Lambda runtime a push targets unless told otherwise: TenantFunction's default. */
export const DEFAULT_NODE_RUNTIME = 'nodejs24.x';

/** `index.handler` → module `index`, export `handler`. */
export function splitHandler(handler: string): { modulePath: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) throw new Error(`handler must be <module>.<export>, e.g. index.handler (got: '${handler}')`);
  return { modulePath: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** The source file of the handler's module in the app's folder (`index.ts`, `index.js`, ...). */
export function entryFile(appDir: string, modulePath: string): string {
  for (const ext of ENTRY_EXTENSIONS) {
    const file = path.join(appDir, `${modulePath}${ext}`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`no ${modulePath}{${ENTRY_EXTENSIONS.join(',')}} in ${appDir} for the handler's module '${modulePath}' (give --entry <file>)`);
}

/** esbuild's target for a Lambda Node.js runtime (`nodejs24.x` → `node24`). */
export function nodeTarget(runtime: string): string {
  const m = /^nodejs(\d+)\.x$/.exec(runtime);
  if (!m) throw new Error(`runtime must be a Node.js Lambda runtime such as ${DEFAULT_NODE_RUNTIME} (got: '${runtime}'): push bundles Node.js apps`);
  return `node${m[1]}`;
}

/**
 * The esbuild settings both commands share: one CommonJS file with the app's dependencies inside
 * (the function gets no node_modules), for Node.js; `pg-native` stays out (pg's optional native
 * binding, absent in Lambda; `pg` falls back to JavaScript).
 */
export function appBuildOptions(entry: string, target: string): esbuild.BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target,
    format: 'cjs',
    logLevel: 'silent',
    external: ['pg-native'],
  };
}

/** esbuild's messages as `file:line:column: text`, relative to the app's folder. */
export function buildErrors(appDir: string, messages: esbuild.Message[]): string[] {
  return messages.map((m) => `${m.location ? `${path.relative(appDir, m.location.file)}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`);
}
