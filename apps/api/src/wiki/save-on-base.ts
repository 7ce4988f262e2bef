import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from '../common/errors';

/**
 * Optimistic save shared by sheets and pages: moves the row from revision `base` to `base + 1`
 * in one conditional UPDATE, so of two saves from the same base exactly one wins. The loser
 * gets CONFLICT with the current revision and content (nothing typed is lost).
 */
export async function saveOnBase<T extends ObjectLiteral & { revision: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: number,
  base: number,
  values: ObjectLiteral,
  stale: { what: string; content: (latest: T) => unknown },
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...values, revision: base + 1, updatedAt: new Date() } as never)
    .where('id = :id AND revision = :base', { id, base })
    .execute();
  if (result.affected === 1) return;
  const latest = await manager.getRepository(target).findOneByOrFail({ id } as never);
  throw conflict(
    `Quelqu'un a enregistré la révision ${latest.revision} de ${stale.what} pendant que vous la modifiiez (vous étiez partie de la révision ${base}). Votre texte n'a pas été enregistré ni perdu : comparez-le avec la version actuelle avant d'enregistrer à nouveau.`,
    { currentRevision: latest.revision, baseRevision: base, current: stale.content(latest) },
  );
}
