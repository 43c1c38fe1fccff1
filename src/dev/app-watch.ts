/**
 * The developer loop's file watcher, shared by `tenant-blocks dev` (rebuild and reload locally) and
 * `tenant-blocks push --watch` (re-check, re-bundle and push to a DEVELOPMENT tenant): one save,
 * one call, whatever steps the editor writes it in.
 *
 * Internal: not exported from the package's barrels.
 */
import * as fs from 'fs';

/** Editors write a file in several steps (truncate, write, rename): a burst within this many ms is one save. */
export const SAVE_BURST_MS = 25;

/** What a folder's watcher ignores: build output, dependencies (and their caches), git. */
export function ignoredByWatcher(file: string): boolean {
  return file.startsWith('.tenant-blocks-dev') || file.includes('node_modules') || file.startsWith('.git');
}

/** A running watch; `close()` stops it (a pending burst is dropped). */
export interface AppWatch {
  close(): void;
}

/**
 * Watches the app's folder (recursively, inotify on Linux) and calls `onSave` once per burst of
 * changes with the time the burst's first change was seen (the start of "save → new code").
 */
export function watchApp(appDir: string, onSave: (changedAt: number) => void): AppWatch {
  let timer: NodeJS.Timeout | undefined;
  let firstChange = 0;
  const watcher = fs.watch(appDir, { recursive: true }, (_event, name) => {
    if (ignoredByWatcher(String(name ?? ''))) return;
    if (!timer) firstChange = Date.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onSave(firstChange);
    }, SAVE_BURST_MS);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
