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

/** PUTs the response to the pre-signed URL CloudFormation gave (https in AWS; http allowed for local tests). */
export async function sendResponse(url: string, body: CustomResourceResponse): Promise<void> {
  const payload = JSON.stringify(body);
  const target = new URL(url);
  const transport = target.protocol === 'http:' ? http : https;
  await new Promise<void>((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) {
            reject(new Error(`CloudFormation response rejected with HTTP ${res.statusCode}`));
          } else {
            resolve();
          }
        });
      },
    );
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
