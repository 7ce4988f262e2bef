import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Project } from '../../wiki/project.entity';
import { ForumCategory } from './category.entity';

/**
 * A discussion. Counters (replyCount, lastPostId, lastActivityAt) are updated with atomic
 * `x = x + 1` statements in the transaction that adds a post, so lists sort without joins.
 */
@ObjectType('Thread')
@Entity('forum_thread')
@Index(['categoryId', 'lastActivityAt'])
export class ForumThread {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  categoryId: number;

  @ManyToOne(() => ForumCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'categoryId' })
  category?: ForumCategory;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  author?: User | null;

  /** The project sheet whose "Discussion" this is: at most one thread per project. */
  @Index({ unique: true })
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'projectId' })
  project?: Project | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Field()
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Field({ description: 'A question: its author can accept an answer.' })
  @Column({ type: 'boolean', default: false })
  isQuestion: boolean;

  @Column({ type: 'integer', nullable: true })
  acceptedPostId: number | null;

  @Column({ type: 'integer', nullable: true })
  firstPostId: number | null;

  @Column({ type: 'integer', nullable: true })
  lastPostId: number | null;

  @Field(() => Int, { description: 'Visible replies (the first post is not counted).' })
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  @Field({ description: 'Time of the latest post.' })
  @Column({ type: Date })
  lastActivityAt: Date;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
