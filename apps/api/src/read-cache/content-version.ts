import type { EntitySubscriberInterface, InsertEvent, RecoverEvent, RemoveEvent, SoftRemoveEvent, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import { createSignal } from '../common/signal';
import { AppMeta } from '../database/app-meta.entity';
import { Notification } from '../notifications/notification.entity';
import { Session } from '../accounts/session.entity';
import { SearchOutbox } from '../search/search-outbox.entity';

/**
 * "Something readers can see may have changed": notified after every committed write to
 * public content and after every search-index batch. The read cache drops what it holds.
 * Process-wide on purpose: several apps in one process (tests) only invalidate more often.
 */
export const contentChanged = createSignal();

/** Writes that never change what an anonymous reader sees (app_meta: import and index bookkeeping). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity target type
const PRIVATE_ENTITIES: Function[] = [Session, Notification, SearchOutbox, AppMeta];
const WROTE = 'essaim:contentWrote';

function isPublic(target: unknown): boolean {
  return !PRIVATE_ENTITIES.some((entity) => target === entity);
}

/**
 * Notifies after each write and again after the commit of a transaction that wrote: a read
 * that began between the write and the commit saw the old rows, and the second notification
 * keeps its result out of the cache.
 */
export const contentVersionSubscriber: EntitySubscriberInterface = {
  afterInsert: (event: InsertEvent<unknown>) => onWrite(event.metadata?.target, event.queryRunner?.data),
  afterUpdate: (event: UpdateEvent<unknown>) => onWrite(event.metadata?.target, event.queryRunner?.data),
  afterRemove: (event: RemoveEvent<unknown>) => onWrite(event.metadata?.target, event.queryRunner?.data),
  afterSoftRemove: (event: SoftRemoveEvent<unknown>) => onWrite(event.metadata?.target, event.queryRunner?.data),
  afterRecover: (event: RecoverEvent<unknown>) => onWrite(event.metadata?.target, event.queryRunner?.data),
  afterTransactionCommit: (event: TransactionCommitEvent) => {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[WROTE]) {
      delete data[WROTE];
      contentChanged.notify();
    }
  },
};

function onWrite(target: unknown, data: Record<string, unknown> | undefined): void {
  if (!isPublic(target)) return;
  if (data) data[WROTE] = true;
  contentChanged.notify();
}
