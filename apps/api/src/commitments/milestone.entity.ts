import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Commitment } from './commitment.entity';

/** A dated step of a commitment ("Convention signée avec l'ARS"). */
@ObjectType()
@Entity('commitment_milestone')
@Index(['commitmentId'])
export class CommitmentMilestone {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  commitmentId: number;

  @ManyToOne(() => Commitment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitmentId' })
  commitment?: Commitment;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field()
  @Column({ type: Date })
  dueDate: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: Date, nullable: true })
  doneAt: Date | null;
}
