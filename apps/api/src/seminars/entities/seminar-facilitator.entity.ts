import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { Seminar } from './seminar.entity';

/** Who manages a seminar besides admins: its creator and the facilitators they add. */
@Entity('seminar_facilitator')
@Index(['seminarId', 'userId'], { unique: true })
export class SeminarFacilitator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  seminarId: number;

  @ManyToOne(() => Seminar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminarId' })
  seminar?: Seminar;

  @Index()
  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;
}
