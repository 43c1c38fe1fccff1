/* eslint-disable import/no-extraneous-dependencies */
// DevelopmentLeftovers: the daily end of life of what earlier, deleted incarnations of a
// DEVELOPMENT TenantPostgres left behind (issue 8.14). Bundled at build time, never exported.
//
// Run by an EventBridge schedule, outside the VPC (it calls regional AWS APIs only). The decisions
// live in leftovers.lambda-shared.ts; this file only binds them to the AWS SDK v3 of the Lambda
// runtime. TENANT_ID names the one tenant whose leftovers it may touch; its role's policy enforces
// the same with tag conditions. A run that could not finish (an AWS error) fails, so the function's
// Errors metric shows it, and the next day's run starts over: every step is idempotent.
import { awsSdkCall } from './leftovers-sdk.lambda-shared';
import { AwsCall, CleanupReport, formatReport, runCleanup, SNAPSHOT_MIN_AGE_DAYS } from './leftovers.lambda-shared';

/** Builds the handler (exported for tests, which pass an in-memory account). */
export function makeLeftoversHandler(call?: AwsCall, env: NodeJS.ProcessEnv = process.env) {
  return async (): Promise<CleanupReport> => {
    const [account, region, tenantId] = [env.ACCOUNT_ID, env.AWS_REGION, env.TENANT_ID];
    if (!account || !region || !tenantId) {
      throw new Error('leftovers: ACCOUNT_ID, AWS_REGION and TENANT_ID must be set');
    }
    const report = await runCleanup(call ?? awsSdkCall(region), {
      account,
      region,
      tenantIds: [tenantId],
      snapshotMinAgeDays: Number(env.SNAPSHOT_MIN_AGE_DAYS ?? SNAPSHOT_MIN_AGE_DAYS),
      // never deletes a recovery point: the backup plan's lifecycle expires them (14 days)
      now: new Date(),
    });
    console.log(JSON.stringify({
      level: report.failed.length > 0 ? 'ERROR' : 'INFO',
      message: 'DEVELOPMENT leftovers',
      tenantId,
      lines: formatReport(report),
    }));
    if (report.failed.length > 0) {
      throw new Error(`leftovers: ${report.failed.length} clean-up action(s) failed: ${report.failed.map((f) => `${f.kind} ${f.target}: ${f.error}`).join('; ')}`);
    }
    return report;
  };
}

/** The Lambda entry point. */
export const handler = makeLeftoversHandler();
