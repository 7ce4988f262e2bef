import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RevisionTargetType = 'PROJECT' | 'PAGE';

/**
 * One immutable saved version of a project sheet or a wiki page: a full snapshot of the
 * content (JSON), its author, time and comment. The unique (target, number) key means two
 * saves can never both create revision N. Moderators may hide one from public view; it is
 * never deleted.
 */
@ObjectType('Revision')
@Entity('wiki_revision')
@Index(['targetType', 'targetId', 'number'], { unique: true })
export class WikiRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  targetType: RevisionTargetType;

  @Column({ type: 'integer' })
  targetId: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  number: number;

  @Index()
  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  /** Exposed through a field resolver that hides it on hidden revisions. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  /** JSON of ProjectContent or PageContent. */
  @Column({ type: 'text' })
  snapshot: string;

  @Field({ description: 'Hidden by a moderator: content and comment are visible to moderators only.' })
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'integer', nullable: true })
  hiddenById: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
