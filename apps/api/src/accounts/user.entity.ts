import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/auth/role';
import { Territory } from '../territories/territory.entity';

@ObjectType()
@Entity('user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased; private (exposed only to the account itself and to admins). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  displayName: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 16, default: 'MEMBER' })
  role: Role;

  @Column({ type: 'varchar', length: 12, nullable: true })
  territoryCode: string | null;

  @ManyToOne(() => Territory, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'territoryCode' })
  territory?: Territory | null;

  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ type: Date, nullable: true })
  lockedUntil: Date | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
