import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Theme } from '../common/theme.enum';

/** One entry of the indicator catalogue (seeded at start-up, extensible by admins). */
@ObjectType()
@Entity('indicator')
export class Indicator {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Unit of the compared value, e.g. "%", "€/hab.".' })
  @Column({ type: 'varchar', length: 40 })
  unit: string;

  @Field({ description: 'Unit of what is entered or imported (a total for per-inhabitant indicators).' })
  @Column({ type: 'varchar', length: 40 })
  inputUnit: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field()
  @Column({ type: 'boolean' })
  higherIsBetter: boolean;

  @Field(() => Theme, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  theme: Theme | null;

  @Field(() => String, { nullable: true, description: 'Where the figures usually come from.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  source: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'When set, entered values are totals and the compared value is total / official population × perInhabitants.',
  })
  @Column({ type: 'integer', nullable: true })
  perInhabitants: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  minValue: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  maxValue: number | null;

  @Field({ description: 'False for indicators added by administrators.' })
  @Column({ type: 'boolean', default: false })
  builtIn: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
