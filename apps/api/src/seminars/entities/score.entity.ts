import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SeminarGroup } from './group.entity';
import { Participant } from './participant.entity';
import { Stake } from './stake.entity';

/**
 * One participant's score for one stake: the unique key makes every vote an upsert, so
 * repeated, concurrent or replayed requests never create a second row. `groupId` copies the
 * participant's group so that results are one GROUP BY on this table.
 */
@Entity('seminar_score')
@Index(['participantId', 'stakeId'], { unique: true })
export class SeminarScore {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  stakeId: number;

  @ManyToOne(() => Stake, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stakeId' })
  stake?: Stake;

  @Column({ type: 'integer' })
  participantId: number;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant?: Participant;

  @Column({ type: 'integer' })
  groupId: number;

  @ManyToOne(() => SeminarGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'groupId' })
  group?: SeminarGroup;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: Date })
  updatedAt: Date;
}
