import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TerritoryKind } from './territory-kind';

/**
 * A French collectivité from the official administrative split: commune (code INSEE),
 * EPCI (SIREN), département (code), région ("R" + code).
 */
@ObjectType()
@Entity('territory')
@Index(['kind', 'departementCode'])
export class Territory {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => TerritoryKind)
  @Column({ type: 'varchar', length: 16 })
  kind: TerritoryKind;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  departementCode: string | null;

  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  epciCode: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  /**
   * The collectivité's SIREN (ProConnect's `siret` starts with it): communes and EPCI have one in
   * @etalab/decoupage-administratif; départements and régions do not (null).
   */
  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  siren: string | null;

  /** Lower-case, accent-free name for accent-insensitive search ("evry" finds "Évry-Courcouronnes"). */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  searchName: string;
}
