import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Blocker } from './blocker.entity';
import { BlockerCategory, BlockerSeverity, BlockerStatus } from './blocker-enums';

/**
 * One entry of a blocker's timeline: its report (previousStatus null), a status change, or an
 * edit (previousStatus = status, with what changed). Rows are never updated.
 */
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

  @Field(() => BlockerCategory, { nullable: true, description: 'Edit: the category before, when it changed.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  categoryBefore: BlockerCategory | null;

  @Field(() => BlockerCategory, { nullable: true, description: 'Edit: the category after, when it changed.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  categoryAfter: BlockerCategory | null;

  @Field(() => BlockerSeverity, { nullable: true, description: 'Edit: the severity before, when it changed.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  severityBefore: BlockerSeverity | null;

  @Field(() => BlockerSeverity, { nullable: true, description: 'Edit: the severity after, when it changed.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  severityAfter: BlockerSeverity | null;

  @Field({ description: 'Edit: the description was rewritten.' })
  @Column({ type: 'boolean', default: false })
  descriptionEdited: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Edit: the description as it was before this edit, so a correction never erases text. Null for outsiders of a confidential blocker, like the description.',
  })
  @Column({ type: 'text', nullable: true })
  previousDescription: string | null;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  author?: User | null;

  @Field()
  @Column({ type: Date })
  at: Date;
}
