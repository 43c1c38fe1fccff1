import { SecretValue } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { PlatformHub } from '../hub/platform-hub';
import type { TenantProvisioner } from '../provisioner/tenant-provisioner';

/**
 * A customer's OpenID Connect identity provider, federated into the console's user pool. Its users
 * belong to `tenantId`, whatever the provider says: the console binds the provider to the tenant
 * server-side, so one customer's identity provider can never speak for another tenant.
 */
export interface ConsoleOidcProvider {
  /** The provider's name in the user pool (shown on the sign-in page), 3-32 of `[A-Za-z0-9._-]`. */
  readonly name: string;
  /** The tenant every user of this provider belongs to. */
  readonly tenantId: string;
  /** The provider's issuer URL (`https://...`), where `/.well-known/openid-configuration` lives. */
  readonly issuerUrl: string;
  /** The client id the customer registered for the console. */
  readonly clientId: string;
  /** The client secret the customer registered for the console (keep it in Secrets Manager). */
  readonly clientSecret: SecretValue;
  /**
   * The provider's claim that carries the user's console role (`viewer` or `editor`).
   *
   * @default 'tenant_blocks_role'
   */
  readonly roleClaim?: string;
}

/**
 * A customer's SAML 2.0 identity provider, federated into the console's user pool. As with
 * {@link ConsoleOidcProvider}, its users belong to `tenantId` and nothing else.
 */
export interface ConsoleSamlProvider {
  /** The provider's name in the user pool, 3-32 of `[A-Za-z0-9._-]`. */
  readonly name: string;
  /** The tenant every user of this provider belongs to. */
  readonly tenantId: string;
  /** URL of the provider's SAML metadata document (`https://...`). */
  readonly metadataUrl: string;
  /**
   * The SAML attribute that carries the user's console role (`viewer` or `editor`).
   *
   * @default 'tenant_blocks_role'
   */
  readonly roleAttribute?: string;
}

/** Props of `TenantConsole`: the whitelist. */
export interface TenantConsoleProps {
  /** The platform hub: the console reads the tenants' logs and events through its per-tenant queries. */
  readonly hub: PlatformHub;

  /**
   * The provisioner: the console reads its registry and changes settings through its API handler
   * (same validation, same lifecycle, same history).
   */
  readonly provisioner: TenantProvisioner;

  /**
   * Prefix of the Cognito domain of the sign-in pages (`https://<prefix>.auth.<region>.amazoncognito.com`),
   * unique in the region: 1-63 lowercase letters, digits and hyphens, without `aws`, `amazon` or `cognito`.
   */
  readonly signInDomainPrefix: string;

  /**
   * The console's own domain name (e.g. `console.example.com`); point a DNS alias at the
   * distribution's domain name.
   *
   * @default - the CloudFront domain name (`d123.cloudfront.net`)
   */
  readonly domainName?: string;

  /**
   * The certificate for `domainName`, in us-east-1 (CloudFront's region). Required with `domainName`.
   *
   * @default - the CloudFront default certificate (only without `domainName`)
   */
  readonly certificate?: acm.ICertificate;

  /**
   * Cognito threat protection (compromised credentials, adaptive authentication) in enforcement
   * mode. It needs the Plus feature plan, billed per monthly active user.
   *
   * @default true
   */
  readonly threatProtection?: boolean;

  /**
   * Customers' OpenID Connect identity providers, each bound to one tenant.
   *
   * @default - none: users are created in the user pool by the platform
   */
  readonly oidcProviders?: ConsoleOidcProvider[];

  /**
   * Customers' SAML identity providers, each bound to one tenant.
   *
   * @default - none
   */
  readonly samlProviders?: ConsoleSamlProvider[];

  /**
   * Most bytes one log search may scan before the console stops it, from 10 MiB to the hub
   * workgroup's own cutoff (1 GiB).
   *
   * @default 1073741824 (1 GiB)
   */
  readonly maxBytesScannedPerQuery?: number;
}
