import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, notFound } from '../../common/errors';
import { RateLimiter } from '../../common/rate-limit';
import { joinLimitFromEnv } from './join-limit';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { SeminarGroup } from '../entities/group.entity';
import { Participant } from '../entities/participant.entity';
import { SeminarScore } from '../entities/score.entity';
import { hashParticipantToken, newParticipantToken, PARTICIPANT_COOKIE } from '../../common/auth/participant-token';
import { PARTICIPANT_TOKEN_TTL_MS } from './seminar-access.service';
import { SeminarsService } from './seminars.service';

@Injectable()
export class ParticipantsService {
  private readonly joinLimiter = new RateLimiter(joinLimitFromEnv(), 10 * 60_000);

  constructor(
    private readonly dataSource: DataSource,
    private readonly seminars: SeminarsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates a participant (or, for a logged-in user who joined before, renews theirs) and
   * returns it with a fresh token; browsers also get the token as an HttpOnly cookie.
   */
  async join(ctx: RequestContext, joinCode: string, rawName: string, groupId: number): Promise<Participant> {
    this.joinLimiter.consume(createHash('sha256').update(`join:${ctx.ip}`).digest('hex'));
    const displayName = rawName.replace(/\s+/g, ' ').trim();
    if (!displayName) throw badInput('DISPLAY_NAME_REQUIRED');
    const seminar = await this.seminars.findByCode(joinCode);
    if (!seminar) throw notFound('SEMINAR_CODE_NOT_FOUND');
    const group = await this.dataSource.getRepository(SeminarGroup).findOneBy({ id: groupId, seminarId: seminar.id });
    if (!group) throw badInput('GROUP_NOT_IN_SEMINAR', {}, { argument: 'groupId' });
    const { user } = await ctx.auth();
    const token = newParticipantToken();
    const tokenHash = hashParticipantToken(token);

    const participant = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Participant);
      const existing = user ? await repo.findOneBy({ seminarId: seminar.id, userId: user.id }) : null;
      if (existing) {
        await repo.update({ id: existing.id }, { displayName, groupId: group.id, tokenHash });
        // Scores carry the group for fast results: a participant who changes group moves them.
        if (existing.groupId !== group.id) await manager.getRepository(SeminarScore).update({ participantId: existing.id }, { groupId: group.id });
        return { ...existing, displayName, groupId: group.id, tokenHash } as Participant;
      }
      return repo.save(repo.create({ seminarId: seminar.id, groupId: group.id, displayName, tokenHash, userId: user?.id ?? null }));
    });

    ctx.res?.cookie?.(PARTICIPANT_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      // The cookie lives exactly as long as the token is accepted (counted from the participation's creation).
      maxAge: Math.max(0, (participant.createdAt instanceof Date ? participant.createdAt.getTime() : Date.now()) + PARTICIPANT_TOKEN_TTL_MS - Date.now()),
    });
    return Object.assign(participant, { token, group });
  }
}
