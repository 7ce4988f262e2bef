import { Injectable } from '@nestjs/common';
import { DataSource, Like } from 'typeorm';
import { AppError, badInput, forbidden, notFound, PublicErrorCode } from '../../common/errors';
import { RateLimiter } from '../../common/rate-limit';
import { hashPassword, passwordProblem, verifyPassword } from '../password-policy';
import { Session } from '../session.entity';
import { hashSessionId } from '../sessions.service';
import { User } from '../user.entity';
import { SessionInfo } from './session-info.model';

const SESSION_ID_LENGTH = 16;

/** What people change on their own account: name, password, sessions. */
@Injectable()
export class AccountSettingsService {
  /** Current-password checks are throttled per account: they are password guesses too. */
  private readonly passwordChecks = new RateLimiter(10, 15 * 60_000);

  constructor(private readonly dataSource: DataSource) {}

  async updateProfile(userId: number, displayNameInput: string): Promise<User> {
    const displayName = displayNameInput.trim();
    if (displayName.length < 2) throw badInput('DISPLAY_NAME_LENGTH', {}, { field: 'displayName' });
    await this.dataSource.getRepository(User).update({ id: userId }, { displayName });
    return this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
  }

  /** Needs the current password; every other session of the account ends (a thief is logged out). */
  async changePassword(userId: number, currentSessionId: string | null, current: string, next: string): Promise<void> {
    this.passwordChecks.consume(`user:${userId}`);
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw forbidden('WRONG_CURRENT_PASSWORD', {}, { field: 'currentPassword' });
    }
    const problem = passwordProblem(next, { email: user.email, displayName: user.displayName });
    if (problem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, problem, { field: 'newPassword' });
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).update({ id: userId }, { passwordHash });
      const keep = currentSessionId ? hashSessionId(currentSessionId) : null;
      const sessions = await m.getRepository(Session).find({ select: { idHash: true }, where: { userId } });
      for (const s of sessions) if (s.idHash !== keep) await m.getRepository(Session).delete({ idHash: s.idHash });
    });
  }

  async sessions(userId: number, currentSessionId: string | null): Promise<SessionInfo[]> {
    const current = currentSessionId ? hashSessionId(currentSessionId) : null;
    const rows = await this.dataSource.getRepository(Session).find({ where: { userId }, order: { lastSeenAt: 'DESC' } });
    return rows.map((s) => ({
      id: s.idHash.slice(0, SESSION_ID_LENGTH),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      current: s.idHash === current,
    }));
  }

  /** Ends one of the user's own sessions (never someone else's: the user id is part of the match). */
  async endSession(userId: number, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(Session).delete({ userId, idHash: Like(`${id}%`) });
    if (!result.affected) throw notFound('SESSION_NOT_FOUND');
  }
}
