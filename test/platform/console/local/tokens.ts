/* eslint-disable import/no-extraneous-dependencies */
/**
 * A local stand-in for the console's Cognito user pool: a key pair generated at start, ID tokens
 * shaped like Cognito's (`token_use: id`, `aud` = the client id, `iss` = the pool's issuer URL,
 * `custom:tenant`, `custom:role`), verified with aws-jwt-verify's `CognitoJwtVerifier` exactly as
 * the Lambda handler verifies them, its JWKS cached from the local key instead of fetched.
 */
import { createSign, generateKeyPairSync, KeyObject, randomUUID } from 'crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { TokenVerifier } from '../../../../src/platform/console/console-api.lambda-shared';

/** The local pool's ids (shaped like real ones). */
export const LOCAL_POOL = { region: 'us-east-1', userPoolId: 'us-east-1_Loca1P00l', clientId: 'localconsoleclient0000000' } as const;

/** A local user. */
export interface LocalUser {
  readonly email: string;
  readonly password: string;
  readonly tenant?: string;
  readonly role: 'viewer' | 'editor' | 'operator';
  /** A federated user's identity provider (claim `identities`). */
  readonly provider?: string;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Issues and verifies the local pool's tokens. */
export class LocalIssuer {
  public readonly issuer = `https://cognito-idp.${LOCAL_POOL.region}.amazonaws.com/${LOCAL_POOL.userPoolId}`;
  public readonly kid = randomUUID();
  private readonly privateKey: KeyObject;
  public readonly jwk: Record<string, unknown>;
  private readonly cognitoVerifier;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.cognitoVerifier = CognitoJwtVerifier.create({ userPoolId: LOCAL_POOL.userPoolId, clientId: LOCAL_POOL.clientId, tokenUse: 'id' });
    this.cognitoVerifier.cacheJwks({ keys: [this.jwk as never] });
  }

  /** The verifier the backend gets: aws-jwt-verify, as in Lambda. */
  public verifier(): TokenVerifier {
    return { verify: async (token) => this.cognitoVerifier.verify(token) as unknown as Record<string, unknown> };
  }

  /** An ID token for `user`, valid `ttlSeconds` from `now`. */
  public idToken(user: LocalUser, options: { ttlSeconds?: number; now?: Date; extra?: Record<string, unknown> } = {}): string {
    const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const claims: Record<string, unknown> = {
      'sub': randomUUID(),
      'email': user.email,
      'email_verified': true,
      'cognito:username': user.email,
      'iss': this.issuer,
      'aud': LOCAL_POOL.clientId,
      'token_use': 'id',
      'auth_time': iat,
      'iat': iat,
      'exp': iat + (options.ttlSeconds ?? 3600),
      'custom:role': user.role,
      ...(user.tenant ? { 'custom:tenant': user.tenant } : {}),
      ...(user.provider ? { identities: [{ providerName: user.provider, providerType: 'OIDC', userId: user.email, primary: 'true' }] } : {}),
      ...options.extra,
    };
    return this.sign(claims);
  }

  /** Signs any claims with the pool's key (for tests that craft tokens). */
  public sign(claims: Record<string, unknown>, privateKey: KeyObject = this.privateKey): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: this.kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }
}
