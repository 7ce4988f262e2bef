import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { FollowTargetType } from './follow-target';

/** A user follows a thread or a project sheet: they are notified of what happens there. */
@Entity('follow')
@Index(['userId', 'targetType', 'targetId'], { unique: true })
@Index(['targetType', 'targetId'])
export class Follow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  targetType: FollowTargetType;

  @Column({ type: 'integer' })
  targetId: number;

  @CreateDateColumn()
  createdAt: Date;
}
