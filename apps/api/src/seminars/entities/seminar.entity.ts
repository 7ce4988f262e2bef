import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/user.entity';

/** A seminar (séminaire): groups of participants score the stakes of its workshops. */
@ObjectType()
@Entity('seminar')
export class Seminar {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: Date })
  date: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  /** Short code typed on phones; unambiguous letters and digits only (see join-code.ts). Exposed by SeminarsResolver.joinCode. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 12 })
  joinCode: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'createdById' })
  createdBy?: User | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
