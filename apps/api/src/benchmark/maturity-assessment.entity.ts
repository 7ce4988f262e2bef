import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Territory } from '../territories/territory.entity';
import { Theme } from '../common/theme.enum';

/** A territory's yearly self-assessment of its digital maturity on one theme (0–5). History kept like values. */
@ObjectType()
@Entity('maturity_assessment')
@Index(['territoryCode', 'year', 'current'])
export class MaturityAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territoryCode' })
  territoryRow?: Territory;

  @Field(() => Theme)
  @Column({ type: 'varchar', length: 40 })
  theme: Theme;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  score: number;

  @Field()
  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  authorRow?: User | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
