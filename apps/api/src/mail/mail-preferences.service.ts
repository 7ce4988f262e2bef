import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ApiLang } from '../common/request-lang';
import { MailSettings, NotificationPreference } from './mail.entities';
import { defaultMode, MailMode, NOTIFICATION_KINDS } from './notification-kinds';

/** Per-user e-mail language and per-kind notification modes (defaults when nothing is stored). */
@Injectable()
export class MailPreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  async languages(manager: EntityManager, userIds: number[]): Promise<Map<number, ApiLang>> {
    const rows = userIds.length ? await manager.getRepository(MailSettings).find({ where: { userId: In(userIds) } }) : [];
    const map = new Map<number, ApiLang>(userIds.map((id) => [id, 'fr']));
    for (const row of rows) map.set(row.userId, row.language === 'en' ? 'en' : 'fr');
    return map;
  }

  async setLanguage(manager: EntityManager, userId: number, language: ApiLang): Promise<void> {
    await manager.getRepository(MailSettings).upsert({ userId, language }, ['userId']);
  }

  /** Effective mode of `kind` for each user. */
  async modesFor(manager: EntityManager, userIds: number[], kind: string): Promise<Map<number, MailMode>> {
    const map = new Map<number, MailMode>(userIds.map((id) => [id, defaultMode(kind)]));
    if (!userIds.length) return map;
    const rows = await manager.getRepository(NotificationPreference).find({ where: { userId: In(userIds), kind } });
    for (const row of rows) map.set(row.userId, row.mode as MailMode);
    return map;
  }

  /** Every known kind's effective mode for one user (plus stored kinds unknown to the catalog). */
  async allModes(userId: number, manager: EntityManager = this.dataSource.manager): Promise<Map<string, MailMode>> {
    const map = new Map<string, MailMode>(Object.entries(NOTIFICATION_KINDS).map(([kind, info]) => [kind, info.mode]));
    for (const row of await manager.getRepository(NotificationPreference).find({ where: { userId } })) map.set(row.kind, row.mode as MailMode);
    return map;
  }

  async setModes(manager: EntityManager, userId: number, modes: { kind: string; mode: MailMode }[]): Promise<void> {
    if (!modes.length) return;
    await manager.getRepository(NotificationPreference).upsert(
      modes.map(({ kind, mode }) => ({ userId, kind, mode })),
      ['userId', 'kind'],
    );
  }
}
