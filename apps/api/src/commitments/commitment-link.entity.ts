import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project } from '../wiki/project.entity';
import { Commitment } from './commitment.entity';

/** A project sheet that implements a commitment ("répond à l'engagement …"). */
@Entity('commitment_project')
@Index(['commitmentId', 'projectId'], { unique: true })
@Index(['projectId'])
export class CommitmentProject {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  commitmentId: number;

  @ManyToOne(() => Commitment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitmentId' })
  commitment?: Commitment;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  linkedById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
