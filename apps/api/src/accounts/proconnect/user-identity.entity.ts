import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../user.entity';

/**
 * An external login linked to an account: the identity provider and its stable subject
 * (ProConnect's `sub`). One account may have several; a (provider, subject) pair has one account.
 */
@Entity('user_identity')
@Index(['provider', 'subject'], { unique: true })
export class UserIdentity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  provider: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @CreateDateColumn()
  createdAt: Date;
}
