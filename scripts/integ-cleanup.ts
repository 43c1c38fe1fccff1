/* eslint-disable import/no-extraneous-dependencies */
/**
 * The clean-up step of `integ:deploy` (issue 8.14): after integ-runner destroyed the integ stacks,
 * delete what their DEVELOPMENT databases kept (final snapshot, backup vault with its recovery
 * points, tenant key), so that repeated integ runs never fill the account's quotas.
 *
 * Same decisions as the daily DevelopmentLeftovers handler (src/blocks/postgres/leftovers.lambda-shared.ts),
 * with two differences: age 0 (snapshots and recovery points of a deleted integ stack go at once),
 * and recovery points are deleted too (the handler never deletes one). Everything else holds:
 * only the integ tests' tenants, only resources tagged DEVELOPMENT, only of stacks that are
 * DELETE_COMPLETE (a stack of a run still deployed is never touched), keys with a 7-day window.
 *
 * AWS Backup deletes recovery points asynchronously, so the script runs again every 30 s until no
 * vault waits for its recovery points any more (at most --wait-minutes, default 10).
 *
 * It runs with the operator's (admin) credentials, so the role's tag conditions of the handler do not
 * hold here: a `--tenant` that is not one of the integ tests' (INTEG_TENANTS) is refused unless
 * `--force` is given, so that a typo or a real tenant id never deletes a real DEVELOPMENT tenant's
 * recent snapshot and recovery points.
 *
 * Usage: ts-node --prefer-ts-exts scripts/integ-cleanup.ts [--region r]... [--tenant t]... [--wait-minutes n] [--force]
 * Prints every action; exits 1 when an AWS call failed with anything but "not found", 0 otherwise.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsSdkCall } from '../src/blocks/postgres/leftovers-sdk.lambda-shared';
import { CleanupReport, formatReport, runCleanup } from '../src/blocks/postgres/leftovers.lambda-shared';

/** The tenants of the integ tests that deploy a TenantPostgres (integ/integ.tenant-postgres.ts, integ/integ.tenant-function.ts). */
export const INTEG_TENANTS = ['integ-pg', 'integ-fn'];

/** Parsed command line. */
export interface IntegCleanupArgs {
  readonly regions: string[];
  readonly tenants: string[];
  readonly waitMinutes: number;
}

/**
 * Reads the command line; the default region is the environment's, plus us-east-1 (integ.tenant-function.ts pins it).
 *
 * @throws Error when a `--tenant` is not one of INTEG_TENANTS and `--force` is not given
 */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): IntegCleanupArgs {
  // a flag's value is the next argument unless that is a flag itself (`--tenant --force` names no tenant)
  const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? [argv[i + 1]] : []));
  const regions = values('--region');
  const tenants = values('--tenant');
  const wait = values('--wait-minutes')[0];
  // age 0, recovery points included, admin credentials: only the integ tests' tenants by default
  const refused = [...new Set(tenants.filter((t) => !INTEG_TENANTS.includes(t)))];
  if (refused.length > 0 && !argv.includes('--force')) {
    throw new Error(
      `integ clean-up: refusing tenant(s) ${refused.map((t) => `"${t}"`).join(', ')}: not a tenant of the integ tests (${INTEG_TENANTS.join(', ')}). `
      + 'The clean-up deletes snapshots and recovery points at age 0 with your credentials; '
      + 'to clean another tenant\'s DEVELOPMENT leftovers anyway, add --force',
    );
  }
  return {
    regions: regions.length > 0 ? regions : [...new Set([env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? env.CDK_DEFAULT_REGION ?? 'us-east-1', 'us-east-1'])],
    tenants: tenants.length > 0 ? tenants : INTEG_TENANTS,
    waitMinutes: wait === undefined ? 10 : Number(wait),
  };
}

/** Whether a run left a vault waiting for AWS Backup to finish deleting its recovery points. */
function waiting(report: CleanupReport): boolean {
  return report.kept.some((k) => k.kind === 'vault' && k.reason.startsWith('recovery points are being'));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`integ clean-up: tenants ${args.tenants.join(', ')} in ${args.regions.join(', ')}`);
  const account = (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Account!;
  let failures = 0;
  for (const region of args.regions) {
    const call = awsSdkCall(region);
    const deadline = Date.now() + args.waitMinutes * 60_000;
    for (let round = 1; ; round++) {
      const report = await runCleanup(call, {
        account,
        region,
        tenantIds: args.tenants,
        snapshotMinAgeDays: 0,
        recoveryPointMinAgeDays: 0,
        now: new Date(),
      });
      formatReport(report).forEach((line) => console.log(`[${region} #${round}] ${line}`));
      failures += report.failed.length;
      if (!waiting(report) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
  }
  console.log(failures > 0 ? `integ clean-up: ${failures} action(s) failed` : 'integ clean-up: done');
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (error) => {
    console.error(`integ clean-up failed: ${error.name}: ${error.message}`);
    process.exit(1);
  });
}
