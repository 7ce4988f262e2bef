import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isUniqueViolation } from '../database/unique-violation';
import { digestSections, DigestItem } from './digest-content';
import { MailDigest, MailToken } from './mail.entities';
import { renderMail } from './mail-layout';
import { MailOutboxService } from './mail-outbox.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailMode } from './notification-kinds';
import { UnsubscribeLinks } from './unsubscribe-links';

export type DigestFrequency = MailMode.DAILY | MailMode.WEEKLY;

export interface DigestPeriod {
  frequency: DigestFrequency;
  key: string;
  start: Date;
  end: Date;
}

const DAY = 86_400_000;
const CANDIDATES = 200;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last complete day and week (Monday to Monday, UTC) before `now`. */
export function lastPeriods(now: Date): DigestPeriod[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((now.getUTCDay() + 6) % 7) * DAY;
  return [
    { frequency: MailMode.DAILY, key: `D${day(new Date(today - DAY))}`, start: new Date(today - DAY), end: new Date(today) },
    { frequency: MailMode.WEEKLY, key: `W${day(new Date(monday - 7 * DAY))}`, start: new Date(monday - 7 * DAY), end: new Date(monday) },
  ];
}

/**
 * Daily and weekly digests: after a period ends, every user with unread notifications of that
 * period whose kinds they chose to get DAILY (or WEEKLY) receives one message grouping them.
 * A mail_digest row per user and period, written in the same transaction as the outbox row,
 * makes it idempotent: a restart, or a second process, never sends a period twice. Nothing is
 * sent for an empty digest.
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailDigest');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: MailOutboxService,
    private readonly preferences: MailPreferencesService,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run().catch((e) => this.logger.warn(`Digests paused: ${(e as Error).message}`)), this.config.mail.digestCheckMs);
    this.timer.unref?.();
  }

  onApplicationShutdown(): Promise<unknown> | void {
    if (this.timer) clearInterval(this.timer);
    return this.running?.catch(() => undefined);
  }

  /** Handles the periods that ended before `now`; returns how many digests were queued. */
  run(now = new Date()): Promise<number> {
    if (this.running) return this.running.then(() => this.run(now));
    const work = (async () => {
      // Tokens keep the address they were sent to: none is kept a day past its expiry.
      await this.dataSource
        .createQueryBuilder()
        .delete()
        .from(MailToken)
        .where('"expiresAt" < :limit', { limit: new Date(now.getTime() - DAY) })
        .execute();
      let queued = 0;
      for (const period of lastPeriods(now)) queued += await this.runPeriod(period);
      return queued;
    })();
    this.running = work.finally(() => (this.running = null));
    return work;
  }

  async runPeriod(period: DigestPeriod): Promise<number> {
    let queued = 0;
    for (;;) {
      const rows: { userId: number }[] = await this.dataSource
        .createQueryBuilder()
        .select('DISTINCT n."userId"', 'userId')
        .from('notification', 'n')
        .where('n."createdAt" >= :start AND n."createdAt" < :end AND n.read = :unread', { start: period.start, end: period.end, unread: false })
        .andWhere('NOT EXISTS (SELECT 1 FROM mail_digest d WHERE d."userId" = n."userId" AND d.period = :key)', { key: period.key })
        .limit(CANDIDATES)
        .getRawMany();
      if (!rows.length) return queued;
      for (const { userId } of rows) {
        try {
          if (await this.dataSource.transaction((m) => this.digestFor(m, Number(userId), period))) queued += 1;
        } catch (error) {
          // Another process took this user and period first: it sends it.
          if (!isUniqueViolation(error)) throw error;
        }
      }
    }
  }

  /** One user's digest for one period, in one transaction with its idempotence marker. */
  private async digestFor(m: EntityManager, userId: number, period: DigestPeriod): Promise<boolean> {
    await m.getRepository(MailDigest).insert({ userId, period: period.key, items: 0 });
    const modes = await this.preferences.allModes(userId, m);
    const kinds = [...modes].filter(([, mode]) => mode === period.frequency).map(([kind]) => kind);
    if (!kinds.length) return false;
    // What was already mailed (at once, or the part of a grouped notification an earlier digest
    // told) is not told again. Locked (PostgreSQL) against a grouped notification replacing them meanwhile.
    const query = m
      .createQueryBuilder()
      .select(['n.id AS id', 'n.kind AS kind', 'COALESCE(n."mailMessage", n.message) AS message', 'COALESCE(n."mailUrl", n.url) AS url'])
      .from('notification', 'n')
      .where('n."userId" = :userId AND n."createdAt" >= :start AND n."createdAt" < :end AND n.read = :unread AND n."mailedAt" IS NULL', {
        userId,
        start: period.start,
        end: period.end,
        unread: false,
      })
      .andWhere('n.kind IN (:...kinds)', { kinds })
      .orderBy('n.id', 'ASC');
    if (this.dataSource.options.type === 'postgres') query.setLock('pessimistic_write');
    const items: (DigestItem & { id: number })[] = await query.getRawMany();
    if (!items.length) return false;
    const user = await m.getRepository(User).findOne({ select: { id: true, email: true, displayName: true }, where: { id: userId } });
    if (!user || user.email.endsWith('@supprime.invalid')) return false;
    await m.getRepository(MailDigest).update({ userId, period: period.key }, { items: items.length });
    const lang = (await this.preferences.languages(m, [userId])).get(userId) ?? 'fr';
    const daily = period.frequency === MailMode.DAILY;
    const fr = lang === 'fr';
    const what = fr ? (daily ? 'le résumé quotidien' : 'le résumé hebdomadaire') : daily ? 'the daily digest' : 'the weekly digest';
    const { headers, footer } = await this.unsubscribe.decorate({ userId, scope: daily ? '@DAILY' : '@WEEKLY' }, lang, what);
    const body = renderMail({
      lang,
      subject: fr
        ? `${daily ? 'Votre résumé du jour' : 'Votre résumé de la semaine'} sur Essaim : ${items.length} nouveauté${items.length > 1 ? 's' : ''}`
        : `Your ${daily ? 'daily' : 'weekly'} Essaim digest: ${items.length} update${items.length > 1 ? 's' : ''}`,
      paragraphs: [
        fr
          ? `Bonjour ${user.displayName}, voici ce qui s’est passé ${daily ? 'hier' : 'la semaine dernière'} sur Essaim.`
          : `Hello ${user.displayName}, here is what happened on Essaim ${daily ? 'yesterday' : 'last week'}.`,
      ],
      sections: digestSections(items, lang, (path) => this.outbox.link(path)),
      action: { label: fr ? 'Voir toutes mes notifications' : 'See all my notifications', url: this.outbox.link('/notifications') },
      footer,
    });
    await this.outbox.enqueue(m, 'DIGEST', { to: user.email, ...body, headers });
    await this.notifications.markMailed(
      m,
      items.map((i) => Number(i.id)),
    );
    return true;
  }
}
