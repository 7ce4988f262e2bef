import { slugify } from '@essaim/domain';
import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

/** "Mehdi Modération", #12 → "mehdi-moderation-12": unique (the id) and readable (the name). */
export function handleFor(displayName: string, id: number): string {
  const base = slugify(displayName, 30) || 'membre';
  return `${base}-${id}`;
}

/** Gives a freshly inserted account its handle (needs the id, so it runs after the insert). */
export async function assignHandle(manager: EntityManager, user: User): Promise<User> {
  user.handle = handleFor(user.displayName, user.id);
  await manager.getRepository(User).update({ id: user.id }, { handle: user.handle });
  return user;
}
