import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Territory } from '../territories/territory.entity';
import { Indicator } from './indicator.entity';

/**
 * One entered figure. Rows are never updated nor deleted: a new figure for the same
 * indicator, territory and year is a new row, and the previous one gets `current = false`
 * (history kept). `value` is derived on read (per-inhabitant indicators divide by the
 * official population), so it follows population updates.
 */
@ObjectType()
@Entity('indicator_value')
@Index(['indicatorId', 'territoryCode', 'year'])
@Index(['territoryCode', 'current'])
export class IndicatorValue {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicatorRow?: Indicator;

  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territoryCode' })
  territoryRow?: Territory;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Float, { description: 'The figure as entered (a total for per-inhabitant indicators).' })
  @Column({ type: 'double precision' })
  rawValue: number;

  /** Filled by the service (see derivedValue); not a column. */
  @Field(() => Float, { description: 'The compared value (per inhabitant when the indicator says so).' })
  value: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  source: string | null;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  authorRow?: User | null;

  @Field({ description: 'False once a newer figure superseded this one.' })
  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
