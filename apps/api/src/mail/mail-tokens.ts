import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { MailToken } from './mail.entities';

export type TokenPurpose = 'VERIFY_EMAIL' | 'CHANGE_EMAIL' | 'RESET_PASSWORD';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Single-use, expiring links: the token goes into the e-mail, only its hash into the database. */
@Injectable()
export class MailTokens {
  constructor(private readonly dataSource: DataSource) {}

  async issue(manager: EntityManager, userId: number, purpose: TokenPurpose, email: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.getRepository(MailToken).insert({
      userId,
      purpose,
      email,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
    });
    return token;
  }

  /** The unused, unexpired token row, without using it up. */
  async peek(purpose: TokenPurpose, token: string): Promise<MailToken | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const row = await this.dataSource.getRepository(MailToken).findOne({ where: { tokenHash: hashToken(token), purpose, usedAt: IsNull() } });
    return row && row.expiresAt.getTime() > Date.now() ? row : null;
  }

  /** Uses the token up atomically: true for exactly one caller, and only while it is valid. */
  async consume(manager: EntityManager, row: MailToken): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MailToken)
      .set({ usedAt: new Date() })
      .where('id = :id AND "usedAt" IS NULL AND "expiresAt" > :now', { id: row.id, now: new Date() })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Voids every other open token of that purpose (a new password makes older reset links useless). */
  async voidAll(manager: EntityManager, userId: number, purpose: TokenPurpose): Promise<void> {
    await manager.getRepository(MailToken).update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
