/**
 * `tenant-blocks push`'s package: the app bundled with `tenant-blocks dev`'s esbuild settings
 * (src/dev/app-build.ts) for the function's Node.js runtime, zipped (src/cli/zip.ts), hashed, and
 * checked against the limits the provisioner's API enforces, before anything is sent.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type * as esbuild from 'esbuild';
import { zip } from './zip';
import { DEFAULT_NODE_RUNTIME, appBuildOptions, buildErrors, entryFile, nodeTarget, splitHandler } from '../dev/app-build';
import { TypeChecker, loadPeer } from '../dev/dev-server';

/**
 * The largest zip a push may send: 4 MiB. Its base64 (5.6 MB) in the JSON body stays below the API
 * Lambda's 6 MB synchronous payload limit, and so below API Gateway's 10 MB. Same number as the API.
 */
export const PUSH_MAX_ZIP_BYTES = 4 * 1024 * 1024;

/** Lambda's limit of a function's unzipped code: 250 MB (262,144,000 bytes). Same number as the API. */
export const PUSH_MAX_UNZIPPED_BYTES = 262_144_000;

/** What `packageApp` is given. */
export interface PackageOptions {
  /** The app's folder. */
  readonly appDir: string;
  /** `<module>.<export>` as the function is configured (the bundle is written as `<module>.js`). @default 'index.handler' */
  readonly handler?: string;
  /** The entry file. @default - `<module>.ts|.js|...` in the app's folder */
  readonly entry?: string;
  /** The function's runtime (esbuild's target). @default 'nodejs24.x' */
  readonly runtime?: string;
  /** Type-check a TypeScript app first, as `tenant-blocks dev` does. @default true when the app has a tsconfig.json */
  readonly typeCheck?: boolean;
}

/** The package a push sends. */
export interface AppPackage {
  readonly zip: Buffer;
  /** Hex sha256 of the zip's bytes. */
  readonly sha256: string;
  /** The sum of the files' sizes. */
  readonly unzippedBytes: number;
  /** The files in the zip, with their sizes. */
  readonly files: Array<{ readonly name: string; readonly bytes: number }>;
  /** Milliseconds spent bundling (type check included) and zipping. */
  readonly buildMs: number;
  /** The entry file bundled. */
  readonly entry: string;
  /** Whether TypeScript checked the app (a TypeScript app with a tsconfig.json, and TypeScript found beside it). */
  readonly typeChecked: boolean;
}

/** A package that cannot be pushed: every problem, one per line. */
export class PackageError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Bundles, zips and hashes the app; throws a {@link PackageError} listing the build's errors. */
export async function packageApp(options: PackageOptions): Promise<AppPackage> {
  const started = Date.now();
  const appDir = path.resolve(options.appDir);
  if (!fs.existsSync(appDir) || !fs.statSync(appDir).isDirectory()) throw new PackageError([`${options.appDir}: is not a folder (the app's folder, as for tenant-blocks dev)`]);
  const { modulePath } = splitHandler(options.handler ?? 'index.handler');
  const entry = options.entry !== undefined ? path.resolve(options.entry) : entryFile(appDir, modulePath);
  if (!fs.existsSync(entry)) throw new PackageError([`${options.entry}: no such entry file`]);
  const target = nodeTarget(options.runtime ?? DEFAULT_NODE_RUNTIME);
  let typeChecked = false;
  if ((options.typeCheck ?? fs.existsSync(path.join(appDir, 'tsconfig.json'))) && /\.[mc]?ts$/.test(entry)) {
    const checker = TypeChecker.forApp(appDir, entry);
    const errors = checker?.check() ?? [];
    if (errors.length > 0) throw new PackageError(errors);
    typeChecked = checker !== undefined;
  }
  const build = loadPeer<typeof esbuild>('esbuild', appDir);
  // `<module>.js` at the path the function's handler names, next to nothing else: the bundle holds it all
  const outfile = path.join(appDir, `${modulePath}.js`);
  let result: esbuild.BuildResult;
  try {
    result = await build.build({ ...appBuildOptions(entry, target), write: false, outfile });
  } catch (e) {
    const errors = (e as esbuild.BuildFailure).errors;
    throw new PackageError(errors ? buildErrors(appDir, errors) : [String(e)]);
  }
  const files = (result.outputFiles ?? []).map((f) => ({ name: path.relative(appDir, f.path).split(path.sep).join('/'), data: Buffer.from(f.contents) }));
  const archive = zip(files);
  return {
    zip: archive,
    sha256: createHash('sha256').update(archive).digest('hex'),
    unzippedBytes: files.reduce((n, f) => n + f.data.length, 0),
    files: files.map((f) => ({ name: f.name, bytes: f.data.length })),
    buildMs: Date.now() - started,
    entry,
    typeChecked,
  };
}

/** Why a package cannot be pushed (the API's limits, checked before sending); empty when it can. */
export function packageProblems(pkg: { zip: Buffer; unzippedBytes: number }): string[] {
  const problems: string[] = [];
  if (pkg.zip.length > PUSH_MAX_ZIP_BYTES) {
    problems.push(`the zip is ${size(pkg.zip.length)}, over the push limit of ${size(PUSH_MAX_ZIP_BYTES)}: deploy it with the tenant's release instead (a regular deploy takes any size Lambda takes)`);
  }
  if (pkg.unzippedBytes > PUSH_MAX_UNZIPPED_BYTES) {
    problems.push(`the code is ${size(pkg.unzippedBytes)} unzipped, over Lambda's limit of ${size(PUSH_MAX_UNZIPPED_BYTES)}`);
  }
  return problems;
}

/** `1.2 MiB`, `412.3 KiB`, `12 B`. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
