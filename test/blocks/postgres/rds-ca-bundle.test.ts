// Issue 9.7: the handlers trust the Amazon RDS root CAs only (a pinned bundle), not the whole public
// root store: a certificate from any other CA is refused, even a valid public one.
import { X509Certificate } from 'crypto';
import { Fixture } from './harness';
import { makeRegressionHandler, RDS_TLS } from '../../../src/blocks/postgres/bootstrap.lambda';
import { RDS_CA_BUNDLE } from '../../../src/blocks/postgres/rds-ca-bundle.lambda-shared';

jest.spyOn(console, 'log').mockImplementation(() => undefined);

describe('the pinned RDS CA bundle', () => {
  const certificates = RDS_CA_BUNDLE.map((pem) => new X509Certificate(pem));

  test('holds only Amazon RDS root CAs, none expired, including the CA the block pins on its instances (rds-ca-rsa2048-g1)', () => {
    expect(certificates.length).toBeGreaterThan(50);
    for (const cert of certificates) {
      expect(cert.ca).toBe(true);
      expect(cert.subject).toContain('OU=Amazon RDS');
      // self-signed roots
      expect(cert.issuer).toBe(cert.subject);
      expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now());
    }
    const names = certificates.map((c) => c.subject.split('\n').find((l) => l.startsWith('CN='))!.slice(3));
    expect(names).toEqual(expect.arrayContaining(['Amazon RDS us-east-1 Root CA RSA2048 G1', 'Amazon RDS eu-west-1 Root CA RSA2048 G1']));
    expect(names.filter((n) => !/^Amazon RDS [a-z]{2}(-[a-z]+)+-\d Root CA (RSA2048|RSA4096|ECC384) G1$/.test(n))).toEqual([]);
  });

  test('is what the deployed handlers use, with certificate verification on', () => {
    expect(RDS_TLS).toEqual({ ca: RDS_CA_BUNDLE, rejectUnauthorized: true });
  });
});

describe('a server whose certificate no RDS CA signed is refused by the deployed defaults', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await Fixture.create();
  }, 60_000);
  afterAll(async () => fx?.destroy());

  test('the regression handler with its default TLS cannot connect to the test server (self-signed)', async () => {
    const report = await makeRegressionHandler({ secrets: fx.secrets.client, env: fx.env(), connectTimeoutMs: 3_000 })({ action: 'regression', cases: ['tx-commit-rollback'] });
    expect(report).toMatchObject({ passed: false, failed: 1 });
    expect(report.results[0].failure).toMatch(/self[- ]signed certificate/);
  });
});
