import * as net from 'net';
import { readCredentials, SECRETS_REQUEST_TIMEOUT_MS, secretsManagerClient } from '../../../src/blocks/postgres/connection.lambda-shared';

describe('the handlers\' Secrets Manager client', () => {
  // accepts TCP connections and never answers: an endpoint whose traffic goes nowhere
  const sockets: net.Socket[] = [];
  const hanging = net.createServer((socket) => { sockets.push(socket); });
  let port: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    port = (hanging.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  test('a Secrets Manager endpoint that never answers fails the call within the request timeout instead of hanging', async () => {
    const client = secretsManagerClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      // one attempt: the per-attempt timeout is what is under test
      maxAttempts: 1,
    });
    const started = Date.now();
    await expect(readCredentials(client, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-BBBBBB')).rejects.toThrow(/timed? ?out|timeout/i);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(SECRETS_REQUEST_TIMEOUT_MS - 500);
    expect(elapsed).toBeLessThan(SECRETS_REQUEST_TIMEOUT_MS + 3_000);
    client.destroy();
  }, 20_000);
});
