import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { SessionsService } from '../sessions.service';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_TTL_MS, FlowSealer } from './flow-cookie';
import { ProconnectAccountsService } from './proconnect-accounts.service';
import { ProconnectClient } from './proconnect-client';
import { identityFromClaims } from './proconnect-identity';
import { sameOriginPath } from './same-origin-path';

/** Where a failed login lands: the login page says what happened (see apps/web/src/routes/connexion). */
const FAILED = '/connexion?erreur=proconnect';

/**
 * `GET /auth/proconnect` sends the browser to ProConnect; `GET /auth/proconnect/callback` comes
 * back with a code, logs the agent in and returns to the page it came from. Mounted in front of
 * the web app (web/web-handler.ts, API_PREFIXES).
 */
@Controller('auth/proconnect')
export class ProconnectController {
  private readonly logger = new Logger('ProConnect');
  private readonly sealer: FlowSealer | null;

  constructor(
    private readonly client: ProconnectClient,
    private readonly accounts: ProconnectAccountsService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = config.proconnect ? new FlowSealer(config.proconnect.clientSecret) : null;
  }

  @Get()
  async start(@Query('retour') retour: unknown, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!this.sealer) return void res.status(404).type('text/plain').send('La connexion avec ProConnect n’est pas activée.');
    const returnTo = sameOriginPath(retour, this.config.publicUrl);
    try {
      const checks = await this.client.newChecks();
      const target = await this.client.authorizationUrl(checks);
      res.cookie(FLOW_COOKIE, this.sealer.seal({ ...checks, returnTo }), this.flowCookieOptions(FLOW_TTL_MS));
      res.redirect(303, target.href);
    } catch (error) {
      this.logger.warn(`ProConnect is unreachable: ${(error as Error).message}`);
      res.redirect(303, failedPath(returnTo));
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!this.sealer || !this.config.proconnect) return void res.status(404).type('text/plain').send('La connexion avec ProConnect n’est pas activée.');
    const flow = this.sealer.open(req.cookies?.[FLOW_COOKIE]);
    res.clearCookie(FLOW_COOKIE, this.flowCookieOptions());
    if (!flow) {
      this.logger.warn('ProConnect callback without a valid login in progress (cookie missing, expired or forged)');
      return void res.redirect(303, FAILED);
    }
    try {
      // The URL registered with ProConnect, with the parameters it sent back (state, code or error).
      const callbackUrl = new URL(this.config.proconnect.redirectUri);
      callbackUrl.search = new URL(req.originalUrl, callbackUrl).search;
      const { claims, idToken } = await this.client.complete(callbackUrl, flow);
      const { user } = await this.accounts.login(identityFromClaims(claims));
      const { sessionId } = await this.sessions.resolve(req);
      await this.sessions.start(user, res, sessionId, idToken);
      res.redirect(303, flow.returnTo);
    } catch (error) {
      this.logger.warn(`ProConnect login refused: ${describe(error)}`);
      res.redirect(303, failedPath(flow.returnTo));
    }
  }

  /** ProConnect sends the browser here after its own logout; the state proves the logout came from us. */
  @Get('logout-callback')
  logoutCallback(@Query('state') state: unknown, @Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, this.sealer?.isLogoutState(state) ? '/?deconnexion=1' : '/');
  }

  private flowCookieOptions(maxAge?: number) {
    // Lax: the cookie must come back with ProConnect's top-level redirect to the callback.
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.cookieSecure, path: FLOW_COOKIE_PATH, ...(maxAge ? { maxAge } : {}) };
  }
}

/** openid-client's errors carry a code and often a cause that says which check failed. */
function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string } | unknown };
  const cause = e.cause && typeof e.cause === 'object' && 'message' in e.cause ? ` — ${(e.cause as Error).message}` : '';
  return `${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ''}${cause}`;
}

const failedPath = (returnTo: string) => (returnTo === '/' ? FAILED : `${FAILED}&retour=${encodeURIComponent(returnTo)}`);
