import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { AppError, PublicErrorCode } from '../common/errors';
import { hashPassword, verifyPassword } from './password-policy';
import { Session } from './session.entity';
import { User } from './user.entity';

/** Columns that point at a person, in any feature: relations to User and *UserId/authorId-style columns. */
const PERSON_COLUMN = /^(user|author|owner|creator|createdBy|updatedBy|reporter|moderator|follower|voter|flagger|actor|recipient|hiddenBy|lastEditor)(Id)?$/i;
/** Secrets never leave the server, even to their owner. */
const SECRET_COLUMN = /password|tokenHash|idHash|secret/i;
/** Rows that only serve the person (not contributions to others): deleted with the account. */
const PERSONAL_ONLY_TABLE = /(^|_)(session|follow|notification|read_marker|thread_read|saved_peer)/i;

export const FORMER_MEMBER_NAME = 'Ancien membre';

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
      const rows = await this.rowsFor(manager, metadata, columns, userId);
      if (rows.length) data[metadata.tableName] = rows.map((row) => withoutSecrets(row));
    }
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        territoryCode: user.territoryCode,
        createdAt: user.createdAt,
      },
      data,
    };
  }

  /**
   * Deletes the account: personal rows (sessions, follows, notifications…) go, contributions
   * stay and are shown as written by "Ancien membre". The e-mail is freed.
   */
  async deleteAccount(userId: number, password: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneOrFail({ where: { id: userId } });
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError(PublicErrorCode.FORBIDDEN, 'Mot de passe incorrect : le compte n’a pas été supprimé.');
    }
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    await this.dataSource.transaction(async (manager) => {
      for (const { metadata, columns } of this.personColumns()) {
        if (metadata.target === User || !PERSONAL_ONLY_TABLE.test(metadata.tableName)) continue;
        for (const column of columns) {
          await manager.createQueryBuilder().delete().from(metadata.target).where(`"${column}" = :userId`, { userId }).execute();
        }
      }
      await manager.delete(Session, { userId });
      await manager.update(User, { id: userId }, {
        email: `ancien-membre-${userId}@supprime.invalid`,
        displayName: FORMER_MEMBER_NAME,
        passwordHash: unusable,
        role: 'MEMBER',
        territoryCode: null,
        emailVerifiedAt: null,
        handle: `ancien-membre-${userId}`,
      });
    });
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

  private async rowsFor(manager: EntityManager, metadata: EntityMetadata, columns: string[], userId: number): Promise<Record<string, unknown>[]> {
    const qb = manager.createQueryBuilder().select('*').from(metadata.target, 't');
    columns.forEach((column, i) => qb.orWhere(`"t"."${column}" = :userId${i}`, { [`userId${i}`]: userId }));
    return qb.limit(10_000).getRawMany();
  }
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key)));
}
