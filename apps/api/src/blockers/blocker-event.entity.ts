import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Blocker } from './blocker.entity';
import { BlockerStatus } from './blocker-enums';

/** One entry of a blocker's timeline: its report (previousStatus null) or a status change. */
@ObjectType()
@Entity('blocker_event')
@Index(['blockerId', 'at'])
export class BlockerEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  blockerId: number;

  @ManyToOne(() => Blocker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blockerId' })
  blocker?: Blocker;

  @Field(() => BlockerStatus, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  previousStatus: BlockerStatus | null;

  @Field(() => BlockerStatus)
  @Column({ type: 'varchar', length: 16 })
  status: BlockerStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  author?: User | null;

  @Field()
  @Column({ type: Date })
  at: Date;
}
