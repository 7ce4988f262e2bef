import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { ForumThread } from './thread.entity';

/** Unread markers: the last post a user has seen in a thread (post ids only grow). */
@Entity('forum_thread_read')
@Index(['userId', 'threadId'], { unique: true })
export class ForumThreadRead {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'integer' })
  threadId: number;

  @ManyToOne(() => ForumThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'threadId' })
  thread?: ForumThread;

  @Column({ type: 'integer' })
  lastReadPostId: number;
}
