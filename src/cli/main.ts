/**
 * `tenant-blocks`: the operators' client of the provisioner API (bundled into one file by esbuild
 * at build time; not part of the library's jsii API).
 *
 * Exit codes: 0 done, 1 the API refused or the operation failed (its problems on stderr, one per
 * line), 2 a mistake on the command line.
 */
import { ApiClient } from './client';
import { COMMANDS, Command, CommandContext, GLOBAL_OPTIONS, UsageError, commandHelp, overviewHelp, parseCommand } from './commands';
import { DevUsageError } from './dev-commands';
import { Output, processOutput } from './progress';
import { runWorker } from '../dev/app-worker';
import { DEV_WORKER_ARGUMENT } from '../dev/dev-server';

/** Milliseconds between polls of a progress display (TENANT_BLOCKS_POLL_MS overrides, for tests and impatient people). */
const DEFAULT_POLL_MS = 5000;

/** Runs the CLI with `argv` (without node and the script); resolves with the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  // The command's words: positionals that are not the value of an option given before them
  // (`tenant-blocks --endpoint URL tenants list`).
  const takesValue = new Set(Object.entries(GLOBAL_OPTIONS).filter(([, o]) => o.type === 'string').map(([k]) => `--${k}`));
  takesValue.add('--api');
  const words = argv.filter((a, i) => !a.startsWith('-') && !(i > 0 && takesValue.has(argv[i - 1])));
  const command = [`${words[0]} ${words[1]}`, words[0]].find((c) => COMMANDS[c] !== undefined);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (command === undefined) {
    const group = words[0] !== undefined && Object.keys(COMMANDS).some((c) => c.startsWith(`${words[0]} `)) ? words[0] : undefined;
    if (wantsHelp || words.length === 0 || (group !== undefined && words.length === 1)) {
      out.line(overviewHelp(group));
      return 0;
    }
    out.error(`unknown command: ${words.join(' ')}`);
    out.error(overviewHelp(group));
    return 2;
  }
  const rest = [...argv];
  for (const w of command.split(' ')) rest.splice(rest.indexOf(w), 1);
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(command, rest);
  } catch (e) {
    out.error((e as Error).message);
    out.error(`Usage: tenant-blocks ${COMMANDS[command].usage}   (--help for its options)`);
    return 2;
  }
  if (parsed.options.help) {
    out.line(commandHelp(command));
    return 0;
  }
  const spec = COMMANDS[command];
  const optional = spec.optionalArgs ?? [];
  if (parsed.args.length < spec.args.length || parsed.args.length > spec.args.length + optional.length) {
    const names = [...spec.args.map((a) => `<${a}>`), ...optional.map((a) => `[<${a}>]`)];
    out.error(`${command} takes ${names.length === 0 ? 'no arguments' : names.join(' ')} (got: ${parsed.args.join(' ') || 'none'})`);
    out.error(`Usage: tenant-blocks ${spec.usage}`);
    return 2;
  }
  if (spec.local) return runLocal(spec, out, parsed);
  // `--api` is `push`'s and `logs`' name for it
  const endpoint = (parsed.options.endpoint as string | undefined) ?? (parsed.options.api as string | undefined) ?? env.TENANT_BLOCKS_ENDPOINT;
  if (!endpoint) {
    out.error('no endpoint: pass --endpoint <API URL> or set TENANT_BLOCKS_ENDPOINT (the provisioner\'s API URL with its stage)');
    return 2;
  }
  const region = (parsed.options.region as string | undefined) ?? /execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint)?.[1] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    out.error('no region: pass --region or set AWS_REGION (the endpoint does not name one)');
    return 2;
  }
  try {
    const client = new ApiClient({ endpoint, region, profile: parsed.options.profile as string | undefined });
    const pollMs = env.TENANT_BLOCKS_POLL_MS ? Number(env.TENANT_BLOCKS_POLL_MS) : DEFAULT_POLL_MS;
    return await spec.run({ client, out, args: parsed.args, options: parsed.options, pollMs });
  } catch (e) {
    out.error((e as Error).message);
    return e instanceof UsageError || e instanceof DevUsageError ? 2 : 1;
  }
}

/** A command without the API (no endpoint, no credentials). */
async function runLocal(spec: Command, out: Output, parsed: ReturnType<typeof parseCommand>): Promise<number> {
  try {
    return await spec.run({ out, args: parsed.args, options: parsed.options } as unknown as CommandContext);
  } catch (e) {
    out.error((e as Error).message);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module && process.argv[2] === DEV_WORKER_ARGUMENT) {
  // `tenant-blocks dev` runs the app in a child process of this same bundle
  runWorker();
} else if (require.main === module) {
  const out = processOutput();
  main(process.argv.slice(2), process.env, out).then(
    (code) => { process.exitCode = code; },
    (e) => { out.error(String((e as Error).stack ?? e)); process.exitCode = 1; },
  );
}
