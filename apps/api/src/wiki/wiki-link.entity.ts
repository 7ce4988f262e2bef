import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RevisionTargetType } from './wiki-revision.entity';

/**
 * A `[[Target]]` link written in a page or project body, rewritten on every save. Backlinks
 * are the sources whose targetKey is a page's slug or title key.
 */
@Entity('wiki_link')
@Index(['sourceType', 'sourceId'])
export class WikiLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  sourceType: RevisionTargetType;

  @Column({ type: 'integer' })
  sourceId: number;

  /** slugify(target as written). */
  @Index()
  @Column({ type: 'varchar', length: 100 })
  targetKey: string;
}
