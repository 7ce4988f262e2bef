import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from './participant.entity';
import { Stake } from './stake.entity';

/** A proposed rewording of a stake; others support it, a facilitator may adopt it. */
@ObjectType()
@Entity('seminar_reformulation')
export class Reformulation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Index()
  @Column({ type: 'integer' })
  stakeId: number;

  @ManyToOne(() => Stake, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stakeId' })
  stake?: Stake;

  @Index()
  @Column({ type: 'integer', nullable: true })
  participantId: number | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'participantId' })
  participant?: Participant | null;

  @Field()
  @Column({ type: 'varchar', length: 1000 })
  text: string;

  /** Kept equal to the count of support rows, in the same transaction. */
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  supports: number;

  @Field()
  @Column({ type: 'boolean', default: false })
  adopted: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
