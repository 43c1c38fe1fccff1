// Issue 11 (alarms worth having) for TenantFunction: each alarm with its reason and a threshold that
// fits the tier, named so the link forwards it (`tenant-blocks-<tenantId>-`).
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FIXTURE, build, prod } from './support';
import { TenantTier } from '../../../src/core';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';

interface Row {
  metric: string;
  namespace: string;
  statistic: string;
  period: number;
  threshold: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
}

function alarmTable(template: Template): Record<string, Row> {
  const out: Record<string, Row> = {};
  for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
    const p = alarm.Properties;
    const suffix = String(p.AlarmName).replace(/^.*-/, '');
    out[suffix] = {
      metric: p.MetricName,
      namespace: p.Namespace,
      statistic: p.ExtendedStatistic ?? p.Statistic,
      period: p.Period,
      threshold: p.Threshold,
      evaluationPeriods: p.EvaluationPeriods,
      ...(p.DatapointsToAlarm ? { datapointsToAlarm: p.DatapointsToAlarm } : {}),
    };
  }
  return out;
}

test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: every alarm is named tenant-blocks-<tenantId>-..., so the link forwards it, and says why it exists', (tier) => {
  const { template } = tier === TenantTier.PRODUCTION ? prod() : build();
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
  expect(alarms).toHaveLength(7);
  for (const alarm of alarms) {
    expect(alarm.Properties.AlarmName).toMatch(/^tenant-blocks-acme-[A-Za-z0-9-]+$/);
    expect(alarm.Properties.AlarmName.length).toBeLessThanOrEqual(255);
    expect(alarm.Properties.AlarmDescription).toMatch(/^TenantFunction acme\/App: .+\. Why: .+/);
  }
});

test('PRODUCTION: alert on the first failure a customer sees; latency p99 above 3 s', () => {
  expect(alarmTable(prod({ timeout: Duration.seconds(10) }).template)).toEqual({
    errors: { metric: 'Errors', namespace: 'AWS/Lambda', statistic: 'Sum', period: 60, threshold: 1, evaluationPeriods: 1 },
    throttles: { metric: 'Throttles', namespace: 'AWS/Lambda', statistic: 'Sum', period: 300, threshold: 1, evaluationPeriods: 1 },
    duration: { metric: 'Duration', namespace: 'AWS/Lambda', statistic: 'p99', period: 300, threshold: 8000, evaluationPeriods: 3, datapointsToAlarm: 2 },
    elb5xx: { metric: 'HTTPCode_ELB_5XX_Count', namespace: 'AWS/ApplicationELB', statistic: 'Sum', period: 60, threshold: 5, evaluationPeriods: 1 },
    target5xx: { metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', statistic: 'Sum', period: 60, threshold: 5, evaluationPeriods: 1 },
    latency: { metric: 'TargetResponseTime', namespace: 'AWS/ApplicationELB', statistic: 'p99', period: 300, threshold: 3, evaluationPeriods: 3 },
    unhealthy: { metric: 'UnHealthyHostCount', namespace: 'AWS/ApplicationELB', statistic: 'Maximum', period: 60, threshold: 1, evaluationPeriods: 2 },
  });
});

test('DEVELOPMENT: alert on sustained failure only (developers iterate); health checks every 5 minutes', () => {
  expect(alarmTable(build({ timeout: Duration.seconds(10) }).template)).toEqual({
    errors: { metric: 'Errors', namespace: 'AWS/Lambda', statistic: 'Sum', period: 300, threshold: 5, evaluationPeriods: 1 },
    throttles: { metric: 'Throttles', namespace: 'AWS/Lambda', statistic: 'Sum', period: 300, threshold: 1, evaluationPeriods: 1 },
    duration: { metric: 'Duration', namespace: 'AWS/Lambda', statistic: 'p99', period: 300, threshold: 8000, evaluationPeriods: 3, datapointsToAlarm: 2 },
    elb5xx: { metric: 'HTTPCode_ELB_5XX_Count', namespace: 'AWS/ApplicationELB', statistic: 'Sum', period: 300, threshold: 10, evaluationPeriods: 1 },
    target5xx: { metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', statistic: 'Sum', period: 300, threshold: 10, evaluationPeriods: 1 },
    latency: { metric: 'TargetResponseTime', namespace: 'AWS/ApplicationELB', statistic: 'p99', period: 300, threshold: 10, evaluationPeriods: 3 },
    unhealthy: { metric: 'UnHealthyHostCount', namespace: 'AWS/ApplicationELB', statistic: 'Maximum', period: 300, threshold: 1, evaluationPeriods: 2 },
  });
});

test('PRODUCTION canary rolls back on errors, load balancer 5xx and target 5xx', () => {
  const { template } = prod();
  const nameOf = (suffix: string) => Object.entries(template.findResources('AWS::CloudWatch::Alarm')).find(([, a]) => a.Properties.AlarmName.endsWith(`-${suffix}`))![0];
  const group = Object.values(template.findResources('AWS::CodeDeploy::DeploymentGroup'))[0];
  expect(group.Properties.AlarmConfiguration.Alarms).toEqual([{ Name: { Ref: nameOf('errors') } }, { Name: { Ref: nameOf('elb5xx') } }, { Name: { Ref: nameOf('target5xx') } }]);
});

test('alarm names differ between two functions of one tenant (alarm names are unique per account and region)', () => {
  const a = build();
  new TenantFunction(a.stack, 'Admin', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
  const names = Object.values(a.template.findResources('AWS::CloudWatch::Alarm')).map((x) => x.Properties.AlarmName as string);
  expect(names).toHaveLength(14);
  expect(new Set(names).size).toBe(14);
  expect(names.every((n) => n.startsWith('tenant-blocks-acme-'))).toBe(true);
});
