import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from './participant.entity';
import { Reformulation } from './reformulation.entity';

/** One participant supports a reformulation at most once (unique key). */
@Entity('seminar_reformulation_support')
@Index(['reformulationId', 'participantId'], { unique: true })
export class ReformulationSupport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  reformulationId: number;

  @ManyToOne(() => Reformulation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reformulationId' })
  reformulation?: Reformulation;

  @Index()
  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant?: Participant;
}
