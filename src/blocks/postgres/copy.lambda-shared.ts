/* eslint-disable import/no-extraneous-dependencies */
// COPY FROM STDIN / COPY TO STDOUT over `pg`'s own connection, without pg-copy-streams.
//
// `pg` hands any object with a `submit(connection)` method the protocol messages of its query
// (the "Submittable" interface pg-copy-streams is built on): CopyInResponse, CopyData,
// CommandComplete, ErrorResponse, ReadyForQuery. These two classes implement the small, buffered
// subset the regression suite needs (whole payload in memory, which is what a console's COPY is).
import { Client, Connection, Submittable } from 'pg';

/** Result of a COPY: the row count from the CommandComplete tag and, for COPY TO, the data. */
export interface CopyResult {
  readonly rowCount: number;
  readonly data: Buffer;
}

interface ProtocolConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

abstract class CopyQuery implements Submittable {
  public readonly done: Promise<CopyResult>;
  protected readonly chunks: Buffer[] = [];
  private rowCount = 0;
  private error: Error | undefined;
  private resolve!: (r: CopyResult) => void;
  private reject!: (e: Error) => void;

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // a rejection nobody awaited yet must not crash the process; callers await `done`
    this.done.catch(() => undefined);
  }

  public submit(connection: Connection): void {
    (connection as unknown as ProtocolConnection).query(this.text);
  }

  public handleCopyInResponse(connection: Connection): void {
    (connection as unknown as ProtocolConnection).sendCopyFail('this statement does not read from STDIN');
  }

  public handleCopyData(msg: { chunk: Buffer }): void {
    this.chunks.push(msg.chunk);
  }

  public handleCommandComplete(msg: { text: string }): void {
    const match = /^COPY (\d+)$/.exec(msg.text);
    this.rowCount = match ? Number(match[1]) : 0;
  }

  public handleError(error: Error): void {
    // a backend error is followed by ReadyForQuery; a connection error is not: settle now either way
    this.error = error;
    this.reject(error);
  }

  public handleReadyForQuery(): void {
    if (this.error) {
      this.reject(this.error);
    } else {
      this.resolve({ rowCount: this.rowCount, data: Buffer.concat(this.chunks) });
    }
  }

  // messages a COPY does not produce; present because pg may call them on any active query
  public handleRowDescription(): void {}
  public handleDataRow(): void {}
  public handleEmptyQuery(): void {}
  public handlePortalSuspended(): void {}
}

class CopyFromStdin extends CopyQuery {
  constructor(text: string, private readonly payload: Buffer) {
    super(text);
  }

  public handleCopyInResponse(connection: Connection): void {
    const c = connection as unknown as ProtocolConnection;
    // CopyData messages of at most 64 KiB, like psql
    for (let offset = 0; offset < this.payload.length; offset += 65536) {
      c.sendCopyFromChunk(this.payload.subarray(offset, offset + 65536));
    }
    c.endCopyFrom();
  }
}

/** Runs `COPY ... FROM STDIN` with `data` as the input. */
export async function copyFrom(client: Client, sql: string, data: string | Buffer): Promise<CopyResult> {
  const query = new CopyFromStdin(sql, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  client.query(query);
  return query.done;
}

/** Runs `COPY ... TO STDOUT` and returns what the server sent. */
export async function copyTo(client: Client, sql: string): Promise<CopyResult> {
  const query = new (class extends CopyQuery {})(sql);
  client.query(query);
  return query.done;
}
