import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Seminar } from './seminar.entity';

/** A group of participants ("Groupe 1"); results are given per group. */
@ObjectType('Group')
@Entity('seminar_group')
@Index(['seminarId', 'name'], { unique: true })
export class SeminarGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  seminarId: number;

  @ManyToOne(() => Seminar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminarId' })
  seminar?: Seminar;

  @Field()
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
