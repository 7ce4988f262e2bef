import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { SeminarGroup } from './group.entity';
import { Seminar } from './seminar.entity';

/**
 * Someone who joined a seminar with its code. Anonymous participants authenticate with a
 * random token; only its SHA-256 is stored. A logged-in user who joins is linked (userId).
 */
@ObjectType()
@Entity('seminar_participant')
@Index(['seminarId', 'userId'], { unique: true })
export class Participant {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  seminarId: number;

  @ManyToOne(() => Seminar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminarId' })
  seminar?: Seminar;

  @Index()
  @Column({ type: 'integer' })
  groupId: number;

  @ManyToOne(() => SeminarGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'groupId' })
  group?: SeminarGroup;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  displayName: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'userId' })
  user?: User | null;

  @CreateDateColumn()
  createdAt: Date;

  /** The raw token, set only on the object returned by joinSeminar (never stored). */
  token?: string;
}
