// TenantPostgres SQL regression function (in the tenant VPC): `{ "action": "regression" }` runs the
// SQL regression suite as the app and read-only users and returns the per-case report. The integ
// test and the platform team call it before rolling out an engine or parameter change. A function
// of its own: an operator's run never competes with the bootstrap custom resource of a stack update,
// and it holds no admin credentials.
import { makeRegressionHandler } from './bootstrap.lambda';

/** The Lambda entry point. */
export const handler = makeRegressionHandler();
