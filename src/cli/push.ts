/**
 * `tenant-blocks push`'s package: the app bundled with `tenant-blocks dev`'s esbuild settings
 * (src/dev/app-build.ts) for the function's Node.js runtime, zipped (src/cli/zip.ts), hashed, and
 * checked against the limits the provisioner's API enforces, before anything is sent.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
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

/** Bundles, zips and hashes the app once; throws a {@link PackageError} listing the build's errors. */
export async function packageApp(options: PackageOptions): Promise<AppPackage> {
  const packager = await AppPackager.create(options, false);
  try {
    return await packager.package();
  } finally {
    await packager.dispose();
  }
}

/**
 * The app's bundler and type checker, kept for as long as the caller wants: `push --watch` keeps
 * one warm (TypeScript's lib files parsed once, an incremental builder program, esbuild's
 * incremental context), so each save re-checks and re-bundles only what changed; a one-shot push
 * makes one, packages once and disposes of it.
 */
export class AppPackager {
  /**
   * Resolves the app's entry, runtime and type checker; `warm` keeps an esbuild context between
   * packages. Throws a {@link PackageError} when the folder or the entry is missing.
   */
  public static async create(options: PackageOptions, warm: boolean): Promise<AppPackager> {
    const appDir = path.resolve(options.appDir);
    if (!fs.existsSync(appDir) || !fs.statSync(appDir).isDirectory()) throw new PackageError([`${options.appDir}: is not a folder (the app's folder, as for tenant-blocks dev)`]);
    const { modulePath } = splitHandler(options.handler ?? 'index.handler');
    const entry = options.entry !== undefined ? path.resolve(options.entry) : entryFile(appDir, modulePath);
    if (!fs.existsSync(entry)) throw new PackageError([`${options.entry}: no such entry file`]);
    const target = nodeTarget(options.runtime ?? DEFAULT_NODE_RUNTIME);
    const checker = (options.typeCheck ?? fs.existsSync(path.join(appDir, 'tsconfig.json'))) && /\.[mc]?ts$/.test(entry)
      // one-shot: resume the check a previous push saved; warm: the checker keeps its state in memory
      ? TypeChecker.forApp(appDir, entry, warm ? {} : { stateFile: typeCheckStateFile(appDir, entry) }) : undefined;
    const esbuildApi = loadPeer<typeof esbuild>('esbuild', appDir);
    // `<module>.js` at the path the function's handler names, next to nothing else: the bundle holds it all
    const buildOptions: esbuild.BuildOptions = { ...appBuildOptions(entry, target), write: false, outfile: path.join(appDir, `${modulePath}.js`) };
    const context = warm ? await esbuildApi.context(buildOptions) : undefined;
    return new AppPackager(appDir, entry, checker, esbuildApi, buildOptions, context);
  }

  private constructor(
    /** The app's folder, resolved. */
    public readonly appDir: string,
    /** The entry file bundled. */
    public readonly entry: string,
    private readonly checker: TypeChecker | undefined,
    private readonly esbuildApi: typeof esbuild,
    private readonly buildOptions: esbuild.BuildOptions,
    private readonly context: esbuild.BuildContext | undefined,
  ) {}

  /** Whether a package is type-checked (a TypeScript app with a tsconfig.json, and TypeScript found beside it). */
  public get typeChecks(): boolean {
    return this.checker !== undefined;
  }

  /** Type-checks, bundles, zips and hashes the app as it is now; throws a {@link PackageError} listing the errors. */
  public async package(): Promise<AppPackage> {
    const started = Date.now();
    // esbuild bundles in its own process while TypeScript checks in this one
    const bundling = (this.context ? this.context.rebuild() : this.esbuildApi.build(this.buildOptions))
      .then((r): esbuild.BuildResult | esbuild.BuildFailure => r, (e: esbuild.BuildFailure) => e);
    const typeErrors = this.checker?.check() ?? [];
    const result = await bundling;
    if ('errors' in result && result.errors.length > 0) throw new PackageError(buildErrors(this.appDir, result.errors));
    if (typeErrors.length > 0) throw new PackageError(typeErrors);
    if (!('outputFiles' in result)) throw new PackageError([String(result)]);
    const files = (result.outputFiles ?? []).map((f) => ({ name: path.relative(this.appDir, f.path).split(path.sep).join('/'), data: Buffer.from(f.contents) }));
    const archive = zip(files);
    return {
      zip: archive,
      sha256: createHash('sha256').update(archive).digest('hex'),
      unzippedBytes: files.reduce((n, f) => n + f.data.length, 0),
      files: files.map((f) => ({ name: f.name, bytes: f.data.length })),
      buildMs: Date.now() - started,
      entry: this.entry,
      typeChecked: this.checker !== undefined,
    };
  }

  /** Stops esbuild's context (a warm packager's). */
  public async dispose(): Promise<void> {
    await this.context?.dispose().catch(() => undefined);
  }
}

/**
 * Where a one-shot push keeps the app's type-check state between runs: `node_modules/.cache/tenant-blocks/`
 * of the app when it has a node_modules folder (where build tools keep their caches), else the OS
 * temporary folder; the file is named after the app's path and entry (a node_modules folder may be
 * shared by several apps). `TENANT_BLOCKS_CACHE_DIR` overrides the folder.
 */
export function typeCheckStateFile(appDir: string, entry: string): string {
  const dir = process.env.TENANT_BLOCKS_CACHE_DIR
    ?? (fs.existsSync(path.join(appDir, 'node_modules')) ? path.join(appDir, 'node_modules', '.cache', 'tenant-blocks') : path.join(os.tmpdir(), 'tenant-blocks-cache'));
  const key = createHash('sha256').update(`${path.resolve(appDir)}\n${path.resolve(entry)}`).digest('hex').slice(0, 16);
  return path.join(dir, `typecheck-${key}.tsbuildinfo`);
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
