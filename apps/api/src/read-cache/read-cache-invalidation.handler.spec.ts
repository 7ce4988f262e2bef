import { Session } from '../accounts/session.entity';
import type { AppConfig } from '../config/config';
import { RowsWritten } from '../events/rows-written';
import { MailQueued } from '../mail/mail.events';
import { UsersNotified } from '../notifications/notification.events';
import { MemoryPubSub } from '../pubsub/memory-pubsub';
import { VoteCast } from '../seminars/seminar.events';
import { SearchIndexChanged } from '../search/search-events';
import { rolledBack, sqliteWithEvents, TestNote } from '../testing/sqlite-events';
import { ReadCacheInvalidationHandler } from './read-cache-invalidation.handler';
import { ReadCacheService } from './read-cache.service';

describe('ReadCacheInvalidationHandler (after the commit)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let cache: ReadCacheService;
  /** A cached answer is kept only while the content version it was computed at is current. */
  const cacheSomething = () => cache.store.set('query', {}, Buffer.from('{}'), cache.store.version);
  const stillCached = () => cache.store.get('query') !== undefined;

  beforeEach(async () => {
    db = await sqliteWithEvents();
    cache = new ReadCacheService({ readCacheTtlMs: 60_000 } as AppConfig, new MemoryPubSub());
    new ReadCacheInvalidationHandler(db.events, cache).onModuleInit();
    cacheSomething();
  });
  afterEach(() => db.close());

  it('drops cached answers when an ORM write commits, not before', async () => {
    await db.dataSource.transaction(async (manager) => {
      await manager.getRepository(TestNote).insert({ text: 'public' });
      expect(stillCached()).toBe(true);
    });
    expect(stillCached()).toBe(false);
  });

  it('drops them for a raw SQL write recorded outside a transaction (a vote)', async () => {
    await db.events.record(db.dataSource.manager, new VoteCast(1, 2));
    expect(stillCached()).toBe(false);
  });

  it('drops them when the search index changed', () => {
    db.events.recordCommitted(new SearchIndexChanged());
    expect(stillCached()).toBe(false);
  });

  it('keeps them after a rollback', async () => {
    await rolledBack(db.dataSource, async (manager) => {
      await manager.getRepository(TestNote).insert({ text: 'never committed' });
      await db.events.record(manager, new VoteCast(1, 2));
    });
    expect(stillCached()).toBe(true);
  });

  it('keeps them for changes no anonymous reader sees (sessions, notifications, mail)', () => {
    db.events.recordCommitted(new RowsWritten(Session));
    db.events.recordCommitted(new UsersNotified([{ userId: 1, payload: { kind: 'REPLY', message: 'Réponse', url: '/forum' } }]));
    db.events.recordCommitted(new MailQueued('NOTIFICATION', 1));
    expect(stillCached()).toBe(true);
  });
});
