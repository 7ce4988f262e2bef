import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { ForumPost } from './post.entity';

export type FlagStatus = 'OPEN' | 'ACTED' | 'DISMISSED';

/** A user's report of a post to the moderators (one per user and post). */
@ObjectType('PostFlag')
@Entity('forum_flag')
@Index(['postId', 'userId'], { unique: true })
@Index(['status', 'id'])
export class ForumFlag {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  postId: number;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'postId' })
  post?: ForumPost;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Field(() => String, { description: 'OPEN, ACTED (post hidden) or DISMISSED.' })
  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: FlagStatus;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
