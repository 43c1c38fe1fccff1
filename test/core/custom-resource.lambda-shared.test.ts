import * as http from 'http';
import { AddressInfo } from 'net';
import { CustomResourceEvent, customResourceHandler, responseSettings, sendResponse } from '../../src/core/custom-resource.lambda-shared';

/** A real local HTTP server playing CloudFormation's pre-signed response URL. */
interface Listening {
  readonly server: http.Server;
  readonly url: string;
  requests(): number;
  close(): Promise<void>;
}

async function listen(onRequest: http.RequestListener): Promise<Listening> {
  let count = 0;
  const sockets = new Set<import('net').Socket>();
  const server = http.createServer((req, res) => {
    count++;
    onRequest(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    }),
  };
}

function event(url: string): CustomResourceEvent {
  return {
    RequestType: 'Delete',
    ResponseURL: url,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/acme/abc',
    RequestId: 'req-1',
    LogicalResourceId: 'Thing',
    ResourceType: 'Custom::Thing',
    PhysicalResourceId: 'thing-1',
    ResourceProperties: {},
  };
}

const original = { ...responseSettings };
beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  Object.assign(responseSettings, original);
  jest.restoreAllMocks();
});

describe('sendResponse (issue 8.11: a response upload never hangs)', () => {
  test('every upload has a socket timeout and a bounded number of attempts by default', () => {
    expect(responseSettings.timeoutMs).toBeLessThanOrEqual(15_000);
    expect(responseSettings.attempts).toBeGreaterThanOrEqual(2);
    expect(responseSettings.timeoutMs * responseSettings.attempts).toBeLessThanOrEqual(60_000);
  });

  test('throws when the endpoint never answers, after each attempt timed out, instead of waiting for the Lambda timeout', async () => {
    // GIVEN a server that accepts the PUT and never answers (a VPC endpoint gone, a black-holed route)
    const hanging = await listen(() => undefined);
    responseSettings.timeoutMs = 200;
    responseSettings.attempts = 3;
    try {
      const started = Date.now();
      // WHEN
      const send = customResourceHandler(async () => ({ physicalResourceId: 'thing-1' }))(event(hanging.url));
      // THEN
      await expect(send).rejects.toThrow(/CloudFormation response upload timed out after 200 ms \(attempt 3 of 3\)/);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(hanging.requests()).toBe(3);
    } finally {
      await hanging.close();
    }
  });

  test('retries after a timeout and succeeds when the endpoint answers', async () => {
    let calls = 0;
    const bodies: string[] = [];
    const flaky = await listen((req, res) => {
      calls++;
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (calls === 1) return; // first attempt hangs
        bodies.push(body);
        res.writeHead(200);
        res.end();
      });
    });
    responseSettings.timeoutMs = 200;
    try {
      const response = await customResourceHandler(async () => ({ physicalResourceId: 'thing-1' }))(event(flaky.url));
      expect(response.Status).toBe('SUCCESS');
      expect(flaky.requests()).toBe(2);
      expect(JSON.parse(bodies[0])).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'thing-1', RequestId: 'req-1' });
    } finally {
      await flaky.close();
    }
  });

  test('does not retry a rejected upload (an expired URL stays expired)', async () => {
    const rejecting = await listen((_req, res) => { res.writeHead(403); res.end(); });
    try {
      await expect(sendResponse(rejecting.url, {
        Status: 'SUCCESS', Reason: 'OK', PhysicalResourceId: 'p', StackId: 's', RequestId: 'r', LogicalResourceId: 'l', NoEcho: false,
      })).rejects.toThrow('CloudFormation response rejected with HTTP 403');
      expect(rejecting.requests()).toBe(1);
    } finally {
      await rejecting.close();
    }
  });
});
