import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A data.gouv.fr organisation and the territory its SIRET points to (from the organisations export). */
@Entity('data_gouv_organisation')
export class DataGouvOrganisation {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  organizationId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  siret: string | null;

  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  territoryCode: string | null;

  @Column({ type: 'varchar', length: 40 })
  vintage: string;
}
