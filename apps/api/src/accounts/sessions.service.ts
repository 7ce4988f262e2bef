import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AuthState } from '../common/auth/request-context';
import { MembershipRights } from './memberships/membership-rights';
import { Session } from './session.entity';
import { User } from './user.entity';

export const SESSION_COOKIE = 'essaim_session';
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');
const hashId = hashSessionId;

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly memberships: MembershipRights,
  ) {}

  /** Creates a fresh session (a new id at every login: no fixation) and sets the cookie. */
  async start(user: User, res: Response, previousId?: string | null): Promise<void> {
    if (previousId) await this.sessions.delete({ idHash: hashId(previousId) });
    const id = randomBytes(32).toString('base64url');
    const now = new Date();
    const absolute = new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000);
    await this.sessions.insert({ idHash: hashId(id), userId: user.id, lastSeenAt: now, expiresAt: absolute });
    res.cookie(SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionAbsoluteHours * 3_600_000,
    });
  }

  async end(sessionId: string | null, res: Response): Promise<void> {
    if (sessionId) await this.sessions.delete({ idHash: hashId(sessionId) });
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure });
  }

  /** Reads the session cookie and returns its user, enforcing idle and absolute expiry. */
  async resolve(req: Pick<Request, 'cookies'>): Promise<AuthState> {
    const sessionId: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof sessionId !== 'string' || sessionId.length < 20 || sessionId.length > 100) {
      return { user: null, sessionId: null };
    }
    const session = await this.sessions.findOne({ where: { idHash: hashId(sessionId) }, relations: { user: true } });
    if (!session?.user) return { user: null, sessionId: null };
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    if (session.expiresAt.getTime() <= now || idleLimit <= now) {
      await this.sessions.delete({ idHash: session.idHash });
      return { user: null, sessionId: null };
    }
    const [, rights] = await Promise.all([
      now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS ? this.sessions.update({ idHash: session.idHash }, { lastSeenAt: new Date(now) }) : null,
      this.memberships.rightsOf(session.user.id),
    ]);
    Object.assign(session.user, rights);
    return { user: session.user, sessionId };
  }

  async endAllFor(userId: number): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async purgeExpired(): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }
}
