/* eslint-disable import/no-extraneous-dependencies */
// Shared by the library's CloudFormation custom resource handlers (bundled into each *.lambda.ts
// at build time, never exported from the barrels). It speaks the CloudFormation custom resource
// protocol directly, so a block needs no Provider framework function of its own.
import * as http from 'http';
import * as https from 'https';
import { URL } from 'url';

/** The event CloudFormation sends to a custom resource's service token. */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: { readonly [key: string]: unknown };
  readonly OldResourceProperties?: { readonly [key: string]: unknown };
}

/** What a handler returns on success. */
export interface CustomResourceResult {
  readonly physicalResourceId: string;
  readonly data?: { readonly [key: string]: string };
}

/** The subset of the Lambda context the protocol needs. */
export interface CustomResourceContext {
  readonly logStreamName?: string;
}

/** The JSON body sent back to CloudFormation. */
export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly NoEcho: boolean;
  readonly Data?: { readonly [key: string]: string };
}

/**
 * Bounds of every response upload (tests shorten them). A PUT that gets no answer (the S3 VPC
 * endpoint already deleted, a black-holed route) must not keep the handler until its own timeout:
 * each attempt is cut after `timeoutMs` without progress on the socket, and the upload is tried
 * `attempts` times. Worst case 3 x 10 s, far below every handler's timeout.
 */
export const responseSettings = {
  /** Socket inactivity timeout of one attempt. */
  timeoutMs: 10_000,
  /** Attempts before giving up (only timeouts and network errors are retried). */
  attempts: 3,
};

/** An upload that S3 answered with an error status: retrying an expired or refused URL does not help. */
class ResponseRejected extends Error {}

/**
 * PUTs the response to the pre-signed URL CloudFormation gave (https in AWS; http allowed for
 * local tests), with a socket timeout on every attempt and a bounded number of attempts.
 */
export async function sendResponse(url: string, body: CustomResourceResponse): Promise<void> {
  const payload = JSON.stringify(body);
  const attempts = Math.max(1, responseSettings.attempts);
  for (let attempt = 1; ; attempt++) {
    try {
      await putOnce(url, payload, attempt, attempts);
      return;
    } catch (e) {
      if (e instanceof ResponseRejected || attempt >= attempts) throw e;
      console.warn(JSON.stringify({ level: 'WARN', message: 'CloudFormation response upload failed; retrying', attempt, error: e instanceof Error ? e.message : String(e) }));
    }
  }
}

function putOnce(url: string, payload: string, attempt: number, attempts: number): Promise<void> {
  const target = new URL(url);
  const transport = target.protocol === 'http:' ? http : https;
  const timeoutMs = responseSettings.timeoutMs;
  return new Promise<void>((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) {
            reject(new ResponseRejected(`CloudFormation response rejected with HTTP ${res.statusCode}`));
          } else {
            resolve();
          }
        });
        res.on('error', reject);
      },
    );
    // 'timeout' fires after timeoutMs without socket activity (connect, send or answer).
    req.on('timeout', () => req.destroy(new Error(`CloudFormation response upload timed out after ${timeoutMs} ms (attempt ${attempt} of ${attempts})`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Wraps a handler body in the custom resource protocol: success and failure are both reported to
 * CloudFormation (a handler that throws never leaves a stack waiting an hour), and a failed Create
 * reports a physical id that a later Delete recognises as "nothing was created".
 */
export function customResourceHandler(
  body: (event: CustomResourceEvent) => Promise<CustomResourceResult>,
): (event: CustomResourceEvent, context?: CustomResourceContext) => Promise<CustomResourceResponse> {
  return async (event, context) => {
    let response: CustomResourceResponse;
    try {
      const result = await body(event);
      response = {
        Status: 'SUCCESS',
        Reason: 'OK',
        PhysicalResourceId: result.physicalResourceId,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
        NoEcho: false,
        Data: result.data,
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(JSON.stringify({ level: 'ERROR', message: 'custom resource failed', error: message, requestType: event.RequestType }));
      response = {
        Status: 'FAILED',
        Reason: `${message} (log stream: ${context?.logStreamName ?? 'unknown'})`.slice(0, 3500),
        PhysicalResourceId: event.PhysicalResourceId ?? FAILED_CREATE_PHYSICAL_ID,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
        NoEcho: false,
      };
    }
    await sendResponse(event.ResponseURL, response);
    return response;
  };
}

/** Physical id reported when a Create fails before anything was made; Delete of it is a no-op. */
export const FAILED_CREATE_PHYSICAL_ID = 'create-failed';

/** Resolves after `ms` milliseconds (handlers poll AWS APIs and databases that are not ready yet). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
