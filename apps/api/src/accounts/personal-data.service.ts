import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { forbidden } from '../common/errors';
import { Notification } from '../notifications/notification.entity';
import { Participant } from '../seminars/entities/participant.entity';
import { hashParticipantToken } from '../common/auth/participant-token';
import { hashPassword, verifyPassword } from './password-policy';
import { Session } from './session.entity';
import { User } from './user.entity';

/** Columns that point at a person, in any feature: relations to User and *UserId/authorId-style columns. */
const PERSON_COLUMN = /^(user|author|owner|creator|createdBy|updatedBy|reporter|moderator|follower|voter|flagger|actor|recipient|hiddenBy|lastEditor)(Id)?$/i;
/** Secrets never leave the server, even to their owner. */
const SECRET_COLUMN = /password|tokenHash|idHash|idToken|secret/i;

/**
 * Rows that only serve the person, deleted with the account, by the column naming their owner
 * (never by another person column: a membership someone *decided* belongs to someone else).
 */
export const PERSONAL_ONLY_TABLES: Readonly<Record<string, string>> = {
  session: 'userId',
  follow: 'userId',
  notification: 'userId',
  forum_thread_read: 'userId',
  forum_reaction: 'userId',
  forum_flag: 'userId',
  peer_list: 'ownerId',
  membership: 'userId',
  user_identity: 'userId',
  // E-mail: per-kind choices, language, digest markers, pending single-use links.
  notification_preference: 'userId',
  mail_settings: 'userId',
  mail_digest: 'userId',
  mail_token: 'userId',
};

/** Rows exported by their owner column only: the other person columns name someone else's row. */
const EXPORT_BY_OWNER_ONLY: Readonly<Record<string, string>> = { notification: 'userId', membership: 'userId' };

export const FORMER_MEMBER_NAME = 'Ancien membre';
/** How a notification received by someone else names a deleted account: "Un ancien membre a répondu…". */
export const FORMER_MEMBER_SUBJECT = 'Un ancien membre';
/** Notification kinds whose message starts with the name of who did it (rows written before actorId existed). */
const NAMING_KINDS = ['REPLY', 'MENTION', 'ACCEPTED_ANSWER', 'PROJECT_DISCUSSION', 'PROJECT_UPDATED', 'PROJECT_REPLICATED'];

@Injectable()
export class PersonalDataService {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything Essaim holds about a user, as plain JSON (RGPD right of access and portability). */
  async exportFor(userId: number): Promise<Record<string, unknown>> {
    const manager = this.dataSource.manager;
    const user = await manager.findOneOrFail(User, { where: { id: userId } });
    const data: Record<string, unknown[]> = {};
    for (const { metadata, columns } of this.personColumns()) {
      if (metadata.target === User) continue;
      const owner = EXPORT_BY_OWNER_ONLY[metadata.tableName];
      const rows = await this.rowsFor(manager, metadata, owner ? [owner] : columns, userId);
      if (rows.length) data[metadata.tableName] = rows.map((row) => withoutSecrets(row));
    }
    // What was done as a seminar participant (scores, reformulations, supports) hangs off the participation.
    const participantIds = (data[manager.getRepository(Participant).metadata.tableName] ?? []).map((row) => Number((row as { id: number }).id));
    for (const { metadata, columns } of this.columnsPointingAt(Participant)) {
      const rows = await this.rowsFor(manager, metadata, columns, participantIds);
      if (rows.length) data[metadata.tableName] = rows.map((row) => withoutSecrets(row));
    }
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        handle: user.handle,
        role: user.role,
        territoryCode: user.territoryCode,
        emailVerifiedAt: user.emailVerifiedAt,
        createdAt: user.createdAt,
      },
      data,
    };
  }

  /**
   * Deletes the account: personal rows (sessions, follows, notifications, reactions, flags, peer
   * lists, memberships) go; seminar participations lose the link and their token; notifications
   * others received stop naming the person; contributions stay, shown as by "Ancien membre".
   * The e-mail is freed.
   */
  async deleteAccount(userId: number, password: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneOrFail({ where: { id: userId } });
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw forbidden('WRONG_PASSWORD_ACCOUNT_KEPT');
    }
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    await this.dataSource.transaction(async (manager) => {
      // Before mail_token goes: a pending address change holds the new address.
      await this.deletePendingMail(manager, user);
      for (const metadata of this.dataSource.entityMetadatas) {
        const owner = PERSONAL_ONLY_TABLES[metadata.tableName];
        if (owner) await manager.createQueryBuilder().delete().from(metadata.target).where(`"${owner}" = :userId`, { userId }).execute();
      }
      await manager.delete(Session, { userId });
      await this.revokeParticipations(manager, userId);
      await this.rewordNotificationsNaming(manager, user);
      await manager.update(
        User,
        { id: userId },
        {
          email: `ancien-membre-${userId}@supprime.invalid`,
          displayName: FORMER_MEMBER_NAME,
          passwordHash: unusable,
          role: 'MEMBER',
          territoryCode: null,
          emailVerifiedAt: null,
          handle: `ancien-membre-${userId}`,
        },
      );
    });
  }

  /**
   * Messages still waiting in the mail outbox for this person (a notification, a digest, a link
   * to an address being confirmed) are not sent any more: the outbox row holds the composed
   * message, addressed by its `to`.
   */
  private async deletePendingMail(manager: EntityManager, user: User): Promise<void> {
    const tokens: { email: string }[] = await manager
      .createQueryBuilder()
      .select('t.email', 'email')
      .from('mail_token', 't')
      .where('t."userId" = :id', { id: user.id })
      .getRawMany();
    const addresses = [...new Set([user.email, ...tokens.map((t) => t.email)].map((a) => a.toLowerCase()))];
    if (manager.connection.options.type === 'postgres') {
      await manager.query(`DELETE FROM mail_outbox WHERE lower(message::json->>'to') = ANY($1::text[])`, [addresses]);
    } else {
      await manager.query(`DELETE FROM mail_outbox WHERE lower(json_extract(message, '$.to')) IN (SELECT value FROM json_each(?))`, [
        JSON.stringify(addresses),
      ]);
    }
  }

  /** The seat stays (its scores are part of the results) but names no one, and its token stops working. */
  private async revokeParticipations(manager: EntityManager, userId: number): Promise<void> {
    const seats = await manager.getRepository(Participant).find({ select: { id: true }, where: { userId } });
    for (const seat of seats) {
      await manager.update(
        Participant,
        { id: seat.id },
        {
          userId: null,
          displayName: FORMER_MEMBER_NAME,
          // A hash of a token nobody holds: the old token matches nothing any more.
          tokenHash: hashParticipantToken(randomBytes(32).toString('base64url')),
        },
      );
    }
  }

  /** "Gaspard Dupont a répondu…" in someone else's notifications becomes "Un ancien membre a répondu…". */
  private async rewordNotificationsNaming(manager: EntityManager, user: User): Promise<void> {
    const repo = manager.getRepository(Notification);
    const named = await repo.find({ select: { id: true, message: true, mailMessage: true }, where: { actorId: user.id } });
    // Rows written before notifications recorded their actor: matched by the name they start with.
    const legacy = await repo
      .createQueryBuilder('n')
      .select(['n.id', 'n.message', 'n.mailMessage'])
      .where('n.actorId IS NULL')
      .andWhere('n.kind IN (:...kinds)', { kinds: NAMING_KINDS })
      // substr counts characters (code points) in both SQLite and PostgreSQL.
      .andWhere('substr(n.message, 1, :length) = :name', { length: [...user.displayName].length, name: user.displayName })
      .getMany();
    for (const n of [...named, ...legacy]) {
      if (!n.message.startsWith(`${user.displayName} `)) continue;
      const reword = (text: string) => `${FORMER_MEMBER_SUBJECT}${text.slice(user.displayName.length)}`.slice(0, 500);
      const mailMessage = n.mailMessage?.startsWith(`${user.displayName} `) ? reword(n.mailMessage) : n.mailMessage;
      await repo.update({ id: n.id }, { message: reword(n.message), mailMessage, actorId: null });
    }
    // Anything else that recorded this actor (no name in it) simply loses the link.
    await repo.update({ actorId: user.id }, { actorId: null });
  }

  private personColumns(): { metadata: EntityMetadata; columns: string[] }[] {
    return this.dataSource.entityMetadatas
      .map((metadata) => {
        const viaRelations = metadata.manyToOneRelations
          .filter((relation) => relation.inverseEntityMetadata.target === User)
          .flatMap((relation) => relation.joinColumns.map((column) => column.databaseName));
        const viaNames = metadata.columns.filter((column) => PERSON_COLUMN.test(column.propertyName)).map((column) => column.databaseName);
        return { metadata, columns: [...new Set([...viaRelations, ...viaNames])] };
      })
      .filter((entry) => entry.columns.length > 0);
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity target type
  private columnsPointingAt(target: Function): { metadata: EntityMetadata; columns: string[] }[] {
    return this.dataSource.entityMetadatas
      .map((metadata) => ({
        metadata,
        columns: metadata.manyToOneRelations
          .filter((relation) => relation.inverseEntityMetadata.target === target)
          .flatMap((relation) => relation.joinColumns.map((column) => column.databaseName)),
      }))
      .filter((entry) => entry.columns.length > 0);
  }

  private async rowsFor(manager: EntityManager, metadata: EntityMetadata, columns: string[], ids: number | number[]): Promise<Record<string, unknown>[]> {
    const list = Array.isArray(ids) ? ids : [ids];
    if (list.length === 0) return [];
    const qb = manager.createQueryBuilder().select('*').from(metadata.target, 't');
    columns.forEach((column, i) => qb.orWhere(`"t"."${column}" IN (:...ids${i})`, { [`ids${i}`]: list }));
    return qb.limit(10_000).getRawMany();
  }
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key)));
}
