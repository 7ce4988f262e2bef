import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppMeta } from '../database/app-meta.entity';

const KEY = 'deployment:id';

/**
 * The default REDIS_PREFIX: `essaim:<id>`, where the id is drawn once and stored in the
 * database itself, so every process of a deployment (however it spells DATABASE_URL) agrees,
 * and two deployments sharing a Redis never do.
 */
export async function deploymentRedisPrefix(dataSource: DataSource): Promise<string> {
  const meta = dataSource.getRepository(AppMeta);
  await meta
    .createQueryBuilder()
    .insert()
    .values({ key: KEY, value: randomBytes(8).toString('hex') })
    .orIgnore()
    .updateEntity(false)
    .execute();
  const row = await meta.findOneByOrFail({ key: KEY });
  return `essaim:${row.value}`;
}
