import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { ForumThread } from './thread.entity';

/**
 * A message in a thread. `body`/`bodyHtml` hold the current revision; every version is also in
 * `forum_post_revision`. The GraphQL fields body, bodyHtml and reactions are resolved by
 * PostsResolver (hidden posts show the moderation reason to ordinary users).
 */
@ObjectType('Post')
@Entity('forum_post')
@Index(['threadId', 'id'])
export class ForumPost {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  threadId: number;

  @ManyToOne(() => ForumThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'threadId' })
  thread?: ForumThread;

  @Index()
  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  author?: User | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  /** The post this one replies to with a quote (shown above it, subject to the same hiding). */
  @Column({ type: 'integer', nullable: true })
  quotedPostId: number | null;

  @Field(() => Int, { description: 'Current revision (1 when never edited).' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Field()
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Time of the last edit, if any.' })
  @Column({ type: Date, nullable: true })
  editedAt: Date | null;
}
