/**
 * The child process that runs the app's handler for `tenant-blocks dev`: started once (with the
 * block's environment), it loads each new build without a restart and answers invocations over
 * IPC. Everything the app writes to the console becomes a structured log line with the request id,
 * like Lambda's runtime does.
 *
 * Internal: not exported from the package's barrels.
 */
import { randomUUID } from 'crypto';
import { format } from 'util';
import { LogLine } from './log-line';

/** A message from the dev server. */
export type WorkerRequest =
  | { readonly type: 'load'; readonly file: string; readonly handler: string; readonly build: number }
  | { readonly type: 'invoke'; readonly id: number; readonly event: unknown; readonly timeoutMs: number };

/** A message to the dev server. */
export type WorkerMessage =
  | { readonly type: 'loaded'; readonly build: number; readonly error?: string }
  | { readonly type: 'result'; readonly id: number; readonly requestId: string; readonly result?: unknown; readonly error?: string; readonly durationMs: number }
  | { readonly type: 'log'; readonly line: LogLine };

type Handler = (event: unknown, context: unknown) => unknown;

/** Runs the worker loop in this process (the dev server forks a process that calls it). */
export function runWorker(): void {
  let handler: Handler | undefined;
  let currentRequest: string | undefined;
  const send = (m: WorkerMessage) => process.send?.(m);
  for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG']] as const) {
    console[method] = (...args: unknown[]) => send({ type: 'log', line: { time: new Date().toISOString(), source: 'function', requestId: currentRequest, level, message: format(...args) } });
  }
  process.on('message', async (m: WorkerRequest) => {
    if (m.type === 'load') {
      try {
        // a new file per build: Node's module cache keeps the old one, the process keeps running
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(m.file) as { [name: string]: unknown };
        const fn = mod[m.handler];
        if (typeof fn !== 'function') throw new Error(`the build exports no function named "${m.handler}" (exports: ${Object.keys(mod).join(', ') || 'none'})`);
        handler = fn as Handler;
        send({ type: 'loaded', build: m.build });
      } catch (e) {
        send({ type: 'loaded', build: m.build, error: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    const requestId = randomUUID();
    const started = Date.now();
    currentRequest = requestId;
    const context = {
      awsRequestId: requestId,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: '$LATEST',
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      getRemainingTimeInMillis: () => Math.max(0, m.timeoutMs - (Date.now() - started)),
      callbackWaitsForEmptyEventLoop: true,
    };
    try {
      if (!handler) throw new Error('no build loaded yet');
      const result = await Promise.race([
        Promise.resolve(handler(m.event, context)),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`Task timed out after ${(m.timeoutMs / 1000).toFixed(2)} seconds`)), m.timeoutMs).unref()),
      ]);
      send({ type: 'result', id: m.id, requestId, result, durationMs: Date.now() - started });
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      send({ type: 'log', line: { time: new Date().toISOString(), source: 'function', requestId, level: 'ERROR', message: `Invoke Error ${message}` } });
      send({ type: 'result', id: m.id, requestId, error: message, durationMs: Date.now() - started });
    } finally {
      currentRequest = undefined;
    }
  });
}

// Run directly (forked as app-worker.js/.ts); inside the bundled client, main.ts starts it instead.
if (require.main === module && /app-worker\.[jt]s$/.test(process.argv[1] ?? '')) runWorker();
