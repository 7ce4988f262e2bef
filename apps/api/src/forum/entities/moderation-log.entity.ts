import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every moderation action, append-only, visible to moderators. */
@ObjectType('ModerationAction')
@Entity('forum_moderation_log')
export class ModerationLogEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Kept when the account is deleted: the log must not lose who acted. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  moderatorId: number | null;

  @Field({ description: 'HIDE_POST, UNHIDE_POST, LOCK_THREAD, UNLOCK_THREAD, PIN_THREAD, UNPIN_THREAD, MOVE_THREAD, DISMISS_FLAGS, EDIT_POST.' })
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'integer', nullable: true })
  threadId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  postId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
