import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TextSegment } from '@essaim/domain';
import { StakeStatus } from '../models/enums';
import { Participant } from './participant.entity';
import { Workshop } from './workshop.entity';

/**
 * A stake (enjeu) of a workshop. `text` is the current wording; `originalText` the wording
 * before an adopted reformulation; `emphasis` the adopted wording split into kept and added
 * segments (the bold of the minutes). Stakes proposed by participants ("+" rows) wait as
 * PROPOSED until a facilitator accepts them.
 */
@ObjectType()
@Entity('seminar_stake')
@Index(['workshopId', 'status', 'number'])
export class Stake {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  workshopId: number;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshopId' })
  workshop?: Workshop;

  @Field(() => Int)
  @Column({ type: 'integer' })
  number: number;

  @Field()
  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Field()
  @Column({ type: 'varchar', length: 1000 })
  originalText: string;

  @Field({ description: 'True for a stake added during the workshop (a "+" row of the minutes).' })
  @Column({ type: 'boolean', default: false })
  isAddition: boolean;

  @Field(() => StakeStatus)
  @Column({ type: 'varchar', length: 16, default: StakeStatus.ACCEPTED })
  status: StakeStatus;

  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (v: TextSegment[] | null | undefined) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v)),
      from: (v: string | null) => (v ? (JSON.parse(v) as TextSegment[]) : null),
    },
  })
  emphasis: TextSegment[] | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  proposedById: number | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposedById' })
  proposedBy?: Participant | null;

  @CreateDateColumn()
  createdAt: Date;
}
