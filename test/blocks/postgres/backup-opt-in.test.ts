/* eslint-disable import/no-extraneous-dependencies */
// Issue 8.7: the AWS Backup opt-in handler turns Aurora on, only Aurora, never anything off.
import * as http from 'http';
import { AddressInfo } from 'net';
import { BackupClient, DescribeRegionSettingsCommand, UpdateRegionSettingsCommand } from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import { makeBackupOptInHandler, optInAurora, OPT_IN_PHYSICAL_ID } from '../../../src/blocks/postgres/backup-opt-in.lambda';

jest.spyOn(console, 'log').mockImplementation(() => undefined);
jest.spyOn(console, 'error').mockImplementation(() => undefined);

const client = new BackupClient({ region: 'us-east-1' });
const backup = mockClient(client);
beforeEach(() => backup.reset());

test('opts Aurora in, passing only the Aurora key, when it is not opted in', async () => {
  backup.on(DescribeRegionSettingsCommand).resolves({ ResourceTypeOptInPreference: { Aurora: false, DynamoDB: false, EFS: true } });
  backup.on(UpdateRegionSettingsCommand).resolves({});
  expect(await optInAurora(client)).toBe('opted-in');
  const updates = backup.commandCalls(UpdateRegionSettingsCommand);
  expect(updates).toHaveLength(1);
  expect(updates[0].args[0].input).toEqual({ ResourceTypeOptInPreference: { Aurora: true } });
});

test('opts Aurora in when the region settings do not list it at all', async () => {
  backup.on(DescribeRegionSettingsCommand).resolves({});
  backup.on(UpdateRegionSettingsCommand).resolves({});
  expect(await optInAurora(client)).toBe('opted-in');
});

test('changes nothing when Aurora is already opted in', async () => {
  backup.on(DescribeRegionSettingsCommand).resolves({ ResourceTypeOptInPreference: { Aurora: true, RDS: false } });
  expect(await optInAurora(client)).toBe('already-opted-in');
  expect(backup.commandCalls(UpdateRegionSettingsCommand)).toHaveLength(0);
});

describe('as a custom resource', () => {
  const bodies: any[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  beforeAll(async () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  const event = (RequestType: 'Create' | 'Update' | 'Delete') => ({
    RequestType,
    ResponseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/1',
    RequestId: 'r',
    LogicalResourceId: 'BackupOptIn',
    ResourceType: 'Custom::TenantBackupAuroraOptIn',
    PhysicalResourceId: RequestType === 'Create' ? undefined : OPT_IN_PHYSICAL_ID,
    ResourceProperties: {},
  });

  test('Create opts in and reports SUCCESS', async () => {
    backup.on(DescribeRegionSettingsCommand).resolves({ ResourceTypeOptInPreference: { Aurora: false } });
    backup.on(UpdateRegionSettingsCommand).resolves({});
    const response = await makeBackupOptInHandler(client)(event('Create'));
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: OPT_IN_PHYSICAL_ID, Data: { Outcome: 'opted-in' } });
    expect(bodies.at(-1)).toMatchObject({ Status: 'SUCCESS' });
  });

  test('Delete never turns the opt-in off (other stacks of the account rely on it)', async () => {
    const response = await makeBackupOptInHandler(client)(event('Delete'));
    expect(response).toMatchObject({ Status: 'SUCCESS' });
    expect(backup.calls()).toHaveLength(0);
  });

  test('reports FAILED with the reason when the opt-in is refused (e.g. missing permission)', async () => {
    backup.on(DescribeRegionSettingsCommand).rejects(Object.assign(new Error('not authorized to perform backup:DescribeRegionSettings'), { name: 'AccessDeniedException' }));
    const response = await makeBackupOptInHandler(client)(event('Update'));
    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^not authorized to perform backup:DescribeRegionSettings/) });
  });
});
