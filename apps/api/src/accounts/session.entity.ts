import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/** A server-side session. The cookie holds a random id; only its SHA-256 is stored. */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash: string;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date })
  lastSeenAt: Date;

  @Index()
  @Column({ type: Date })
  expiresAt: Date;

  /** The identity provider's ID token (ProConnect), kept to end its session too at logout. */
  @Column({ type: 'text', nullable: true })
  idToken: string | null;
}
