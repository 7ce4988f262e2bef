import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wrong passwords counted per (address typed, client IP), hashed together: a stranger elsewhere
 * cannot lock the owner out, and unknown addresses are counted exactly like known ones.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: Date, nullable: true })
  blockedUntil: Date | null;

  @Column({ type: Date })
  updatedAt: Date;
}
