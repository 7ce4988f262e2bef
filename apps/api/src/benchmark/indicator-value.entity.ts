import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Territory } from '../territories/territory.entity';
import { DataImport } from '../data-import/data-import.entity';
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

  /** Who entered or imported the figure (null for demo data, CLI imports without --by, deleted accounts). */
  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  /** Key of the data-import source (see data-import/sources), null for figures typed or pasted by people. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  datasetKey: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  licence: string | null;

  /** The producer's release the figure comes from, e.g. "2024-T4" or "2025-06-30". */
  @Column({ type: 'varchar', length: 40, nullable: true })
  vintage: string | null;

  @Field({ description: 'Generated demo figure, not a statistic.' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Index()
  @Column({ type: 'integer', nullable: true })
  importId: number | null;

  @ManyToOne(() => DataImport, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'importId' })
  importRow?: DataImport | null;

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
