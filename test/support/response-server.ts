import * as http from 'http';
import { AddressInfo } from 'net';
import { CustomResourceResponse } from '../../src/core/custom-resource.lambda-shared';

/** CloudFormation's pre-signed ResponseURL, played by a local HTTP server that records each PUT. */
export interface ResponseServer {
  /** The URL to put into an event's `ResponseURL`. */
  readonly url: string;
  /** Every response the handler uploaded, in order (empty it in `beforeEach`). */
  readonly received: CustomResourceResponse[];
}

/** Starts the server before the file's tests and stops it after them (jest `beforeAll`/`afterAll`). */
export function useResponseServer(): ResponseServer {
  const received: CustomResourceResponse[] = [];
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    get url() { return url; },
    received,
  };
}
