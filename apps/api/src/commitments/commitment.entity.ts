import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Seminar } from '../seminars/entities/seminar.entity';
import { Stake } from '../seminars/entities/stake.entity';
import { Territory } from '../territories/territory.entity';
import { CommitmentStatus, ProgressMode } from './commitment.enums';

/**
 * What a seminar decided, followed until it is done: a stake (original, adopted reformulation or
 * "+" stake) of a closed workshop turned into a commitment of the seminar's organiser.
 */
@ObjectType({ description: 'What a seminar decided, followed until it is done.' })
@Entity('commitment')
@Index(['seminarId'])
export class Commitment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  seminarId: number;

  @ManyToOne(() => Seminar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminarId' })
  seminar?: Seminar;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  stakeId: number;

  @ManyToOne(() => Stake, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stakeId' })
  stake?: Stake;

  @Field({ description: "The stake's final wording." })
  @Column({ type: 'varchar', length: 1000 })
  title: string;

  @Field(() => CommitmentStatus)
  @Column({ type: 'varchar', length: 16, default: CommitmentStatus.TO_START })
  status: CommitmentStatus;

  @Field(() => String, { nullable: true, description: 'Why it was abandoned (or any status note).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  leadTerritoryCode: string | null;

  @ManyToOne(() => Territory, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'leadTerritoryCode' })
  leadTerritory?: Territory | null;

  @Field(() => String, { nullable: true, description: 'Who to ask (a service, a name, an address).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: Date, nullable: true })
  targetDate: Date | null;

  @Field(() => ProgressMode)
  @Column({ type: 'varchar', length: 16, default: ProgressMode.FROM_PROJECTS })
  progressMode: ProgressMode;

  @Column({ type: 'integer', default: 0 })
  manualProgress: number;

  /** The scores that backed it when it was created (JSON: mean, count, per group, divergent). */
  @Column({ type: 'text' })
  backing: string;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @Column({ type: Date })
  updatedAt: Date;
}
