import { Token } from 'aws-cdk-lib';
import type { TenantConsoleProps } from './tenant-console-props';
import { PropsValidation, TENANT_ID_PATTERN } from '../../core/validation';

/** The hub workgroup's cutoff: the console's cap cannot be above it. */
export const MAX_CONSOLE_BYTES_SCANNED = 1024 * 1024 * 1024;
/** Athena's smallest cutoff (10 MiB). */
export const MIN_CONSOLE_BYTES_SCANNED = 10 * 1024 * 1024;

const DOMAIN_PREFIX = '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$';
const DNS_NAME = '^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$';
const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
const CLAIM_NAME = /^[A-Za-z0-9:._/-]{1,128}$/;

/**
 * Validates the props of a `TenantConsole` and throws one error listing every problem. The console
 * belongs to no tenant: the message names the platform.
 */
export function validateTenantConsoleProps(props: TenantConsoleProps): void {
  const v = new PropsValidation('TenantConsole', 'platform');
  if (!props.hub) v.add('hub', 'is required: the PlatformHub whose per-tenant queries the console runs', props.hub);
  if (!props.provisioner) v.add('provisioner', 'is required: the TenantProvisioner whose registry and API the console uses', props.provisioner);
  const prefix = props.signInDomainPrefix;
  if (typeof prefix !== 'string' || Token.isUnresolved(prefix) || !new RegExp(DOMAIN_PREFIX).test(prefix)) {
    v.add('signInDomainPrefix', 'must be 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit', prefix);
  } else if (/aws|amazon|cognito/.test(prefix)) {
    v.add('signInDomainPrefix', 'must not contain aws, amazon or cognito (Cognito refuses such domains)', prefix);
  }
  if (props.domainName !== undefined) {
    v.pattern('domainName', DNS_NAME, 'a lowercase DNS name with at least two labels, e.g. console.example.com', props.domainName);
    if (props.certificate === undefined) v.add('certificate', 'is required with domainName: CloudFront serves the domain over HTTPS on this certificate (in us-east-1)', props.certificate);
  } else if (props.certificate !== undefined) {
    v.add('certificate', 'is only used with domainName; give domainName too, or leave both out', 'a certificate');
  }
  v.boolean('threatProtection', props.threatProtection);
  v.number('maxBytesScannedPerQuery', { min: MIN_CONSOLE_BYTES_SCANNED, max: MAX_CONSOLE_BYTES_SCANNED, step: 1, unit: 'bytes' }, props.maxBytesScannedPerQuery);

  const names = new Map<string, string>();
  const checkProvider = (path: string, name: unknown, tenantId: unknown, url: unknown, urlName: string, claim: unknown) => {
    if (typeof name !== 'string' || !PROVIDER_NAME.test(name)) {
      v.add(`${path}.name`, 'must be 3-32 of [A-Za-z0-9._-], starting with a letter or digit', name);
    } else if (names.has(name)) {
      v.add(`${path}.name`, `duplicates ${names.get(name)}.name (each provider binds one tenant)`, name);
    } else if (name === 'COGNITO') {
      v.add(`${path}.name`, 'COGNITO is the user pool itself', name);
    } else {
      names.set(name, path);
    }
    if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId)) {
      v.add(`${path}.tenantId`, 'must be the id of the tenant whose users this provider signs in', tenantId);
    }
    if (typeof url !== 'string' || Token.isUnresolved(url) || !/^https:\/\/[^\s/]+(\/\S*)?$/.test(url)) {
      v.add(`${path}.${urlName}`, 'must be an https:// URL', url);
    }
    if (claim !== undefined && (typeof claim !== 'string' || !CLAIM_NAME.test(claim))) {
      v.add(`${path}.${path.startsWith('oidc') ? 'roleClaim' : 'roleAttribute'}`, 'must be a claim or attribute name, 1-128 of [A-Za-z0-9:._/-]', claim);
    }
  };
  (props.oidcProviders ?? []).forEach((p, i) => {
    checkProvider(`oidcProviders[${i}]`, p?.name, p?.tenantId, p?.issuerUrl, 'issuerUrl', p?.roleClaim);
    if (typeof p?.clientId !== 'string' || p.clientId.length === 0) v.add(`oidcProviders[${i}].clientId`, 'is required: the client id registered with the provider', p?.clientId);
    if (p?.clientSecret === undefined) v.add(`oidcProviders[${i}].clientSecret`, 'is required: SecretValue.secretsManager(...) of the client secret', p?.clientSecret);
  });
  (props.samlProviders ?? []).forEach((p, i) => {
    checkProvider(`samlProviders[${i}]`, p?.name, p?.tenantId, p?.metadataUrl, 'metadataUrl', p?.roleAttribute);
  });
  v.throwIfInvalid();
}
