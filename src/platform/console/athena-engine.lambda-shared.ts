/* eslint-disable import/no-extraneous-dependencies */
/**
 * The console's log queries on Amazon Athena, in the hub's workgroup (its encryption, result
 * location and scan cutoff are enforced by the workgroup; the console stops a query earlier, at
 * its own cap).
 */
import {
  AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { LogQueryEngine, LogQueryPage, LogQueryStatus } from './console-api.lambda-shared';
import type { TenantLogQuery } from '../hub/tenant-log-query';

/** {@link LogQueryEngine} on Athena. */
export class AthenaLogQueryEngine implements LogQueryEngine {
  constructor(private readonly athena: AthenaClient) {}

  public async start(query: TenantLogQuery): Promise<string> {
    const out = await this.athena.send(new StartQueryExecutionCommand({
      QueryString: query.queryString,
      ExecutionParameters: query.executionParameters,
      WorkGroup: query.workGroup,
      QueryExecutionContext: { Database: query.database },
    }));
    return out.QueryExecutionId!;
  }

  public async status(queryId: string): Promise<LogQueryStatus | undefined> {
    try {
      const { QueryExecution: q } = await this.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }));
      if (!q) return undefined;
      return {
        state: (q.Status?.State ?? 'QUEUED') as LogQueryStatus['state'],
        bytesScanned: q.Statistics?.DataScannedInBytes ?? 0,
        reason: q.Status?.StateChangeReason,
        executionParameters: q.ExecutionParameters ?? [],
        workGroup: q.WorkGroup ?? '',
        queryString: q.Query ?? '',
      };
    } catch (e) {
      // An id that does not exist (or is not this account's) is nobody's query.
      if ((e as Error).name === 'InvalidRequestException') return undefined;
      throw e;
    }
  }

  public async results(queryId: string, nextToken: string | undefined, maxResults: number): Promise<LogQueryPage> {
    const out = await this.athena.send(new GetQueryResultsCommand({
      QueryExecutionId: queryId, NextToken: nextToken, MaxResults: Math.min(maxResults + 1, 1000),
    }));
    const columns = (out.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? '');
    let rows = (out.ResultSet?.Rows ?? []).map((r) => (r.Data ?? []).map((d) => d.VarCharValue ?? null));
    // The first page starts with the header row.
    if (!nextToken && rows.length > 0 && rows[0].every((v, i) => v === columns[i])) rows = rows.slice(1);
    return { columns, rows, nextToken: out.NextToken };
  }

  public async stop(queryId: string): Promise<void> {
    await this.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
  }
}
