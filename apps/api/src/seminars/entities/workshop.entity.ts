import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ResultsVisibility, VotingState } from '../models/enums';
import { Seminar } from './seminar.entity';

/** A workshop (atelier): numbered stakes scored while it is OPEN. */
@ObjectType()
@Entity('seminar_workshop')
export class Workshop {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Index()
  @Column({ type: 'integer' })
  seminarId: number;

  @ManyToOne(() => Seminar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminarId' })
  seminar?: Seminar;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Field(() => VotingState)
  @Column({ type: 'varchar', length: 16, default: VotingState.DRAFT })
  state: VotingState;

  @Field(() => ResultsVisibility)
  @Column({ type: 'varchar', length: 16, default: ResultsVisibility.LIVE })
  resultsVisibility: ResultsVisibility;

  @CreateDateColumn()
  createdAt: Date;
}
