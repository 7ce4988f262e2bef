import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Project } from '../wiki/project.entity';
import { BlockerCategory, BlockerSeverity, BlockerStatus } from './blocker-enums';

/**
 * What holds a project back. `description` is not a plain field: the resolver hides it from
 * outsiders when the blocker is confidential.
 */
@ObjectType()
@Entity('blocker')
@Index(['projectId', 'status'])
@Index(['category', 'status'])
export class Blocker {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Field(() => BlockerCategory)
  @Column({ type: 'varchar', length: 32 })
  category: BlockerCategory;

  @Field(() => BlockerSeverity)
  @Column({ type: 'varchar', length: 16 })
  severity: BlockerSeverity;

  @Field(() => BlockerStatus)
  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: BlockerStatus;

  @Column({ type: 'text' })
  description: string;

  @Field(() => Int, { description: 'Starts at 1, +1 on every edit of category, severity or description: pass it as editBlocker(baseRevision).' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Field({ description: 'Only members of the project territory and moderators see the description of a confidential blocker.' })
  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Field(() => String, { nullable: true, description: 'How it was lifted or worked around (required for LIFTED and WORKED_AROUND).' })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field()
  @Column({ type: Date })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was lifted, worked around or abandoned; null while active.' })
  @Column({ type: Date, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  reportedById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reportedById' })
  reportedBy?: User | null;

  @Column({ type: 'integer', nullable: true })
  resolvedById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolvedById' })
  resolvedBy?: User | null;
}
