import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppMeta } from '../database/app-meta.entity';

const KEY = 'mail:secret';

/**
 * The key that signs unsubscribe links. Generated once and kept in the database, so every
 * process of a deployment shares it and links stay valid across restarts.
 */
@Injectable()
export class MailSecret {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  private load(): Promise<Buffer> {
    return (this.secret ??= (async () => {
      const meta = this.dataSource.getRepository(AppMeta);
      await meta
        .createQueryBuilder()
        .insert()
        .values({ key: KEY, value: randomBytes(32).toString('base64url') })
        .orIgnore()
        .execute();
      const row = await meta.findOneByOrFail({ key: KEY });
      return Buffer.from(row.value, 'base64url');
    })().catch((error) => {
      this.secret = null;
      throw error;
    }));
  }

  async sign(payload: string): Promise<string> {
    const mac = createHmac('sha256', await this.load())
      .update(payload)
      .digest('base64url')
      .slice(0, 32);
    return `${Buffer.from(payload).toString('base64url')}.${mac}`;
  }

  /** The signed payload, or null when the token was not made by us. */
  async verify(token: string): Promise<string | null> {
    const [encoded, mac] = token.split('.');
    if (!encoded || !mac || token.length > 300) return null;
    const payload = Buffer.from(encoded, 'base64url').toString();
    const expected = createHmac('sha256', await this.load())
      .update(payload)
      .digest('base64url')
      .slice(0, 32);
    const a = Buffer.from(mac);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b) ? payload : null;
  }
}
