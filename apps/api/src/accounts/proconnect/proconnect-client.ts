import { Inject, Injectable } from '@nestjs/common';
import type { Configuration, IDToken } from 'openid-client';
import { APP_CONFIG, AppConfig, ProconnectConfig } from '../../config/config';

type OpenIdClient = typeof import('openid-client');

/**
 * openid-client v6 ships ES modules only. The API is CommonJS ("nodenext"), which keeps this a
 * real dynamic import() in the build (as for the SvelteKit handler in web/web-handler.ts).
 */
const loadOpenIdClient = (): Promise<OpenIdClient> => import('openid-client');

/** ProConnect's identity: `openid` plus one scope per claim. */
export const PROCONNECT_SCOPES = 'openid email given_name usual_name siret uid';

/** What ProConnect's userinfo (a signed JWT) says about the agent. */
export interface ProconnectClaims {
  sub: string;
  email?: unknown;
  given_name?: unknown;
  usual_name?: unknown;
  siret?: unknown;
  uid?: unknown;
}

/** Kept between the redirect to ProConnect and the callback (see flow-cookie.ts). */
export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The OIDC relying party: authorization code + PKCE (S256), state and nonce; userinfo as a signed JWT. */
@Injectable()
export class ProconnectClient {
  readonly settings: ProconnectConfig | null;
  private configuration: Promise<Configuration> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.proconnect;
  }

  async newChecks(): Promise<FlowChecks> {
    const oidc = await loadOpenIdClient();
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: FlowChecks): Promise<URL> {
    const { oidc, configuration, settings } = await this.setup();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: PROCONNECT_SCOPES,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token), then reads the signed userinfo. */
  async complete(callbackUrl: URL, checks: FlowChecks): Promise<{ claims: ProconnectClaims; idToken: string }> {
    const { oidc, configuration } = await this.setup();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims() as IDToken;
    const claims = (await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) as ProconnectClaims;
    return { claims, idToken: tokens.id_token as string };
  }

  /** The provider's logout URL for this ID token, or null when it has no end_session_endpoint. */
  async endSessionUrl(idToken: string, state: string): Promise<string | null> {
    const { oidc, configuration, settings } = await this.setup();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: settings.postLogoutRedirectUri, state }).toString();
  }

  /** Discovery once per process (retried after a failure, so a provider outage at start is not fatal). */
  private async setup(): Promise<{ oidc: OpenIdClient; configuration: Configuration; settings: ProconnectConfig }> {
    const settings = this.settings;
    if (!settings) throw new Error('ProConnect is not configured');
    const oidc = await loadOpenIdClient();
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        // ProConnect signs the ID token and the userinfo answer (application/jwt).
        { id_token_signed_response_alg: 'RS256', userinfo_signed_response_alg: 'RS256' },
        oidc.ClientSecretPost(settings.clientSecret),
        // Plain http only for an issuer on 127.0.0.1, which config.ts alone lets through.
        { execute: new URL(settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return { oidc, configuration: await this.configuration, settings };
  }
}
