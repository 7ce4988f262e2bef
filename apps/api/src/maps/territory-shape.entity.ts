import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Territory } from '../territories/territory.entity';

/**
 * The outline of a commune for one vintage of the contours (GeoJSON geometry kept as text:
 * both drivers store it the same way, and the server projects it to SVG itself). One row per
 * (territory, vintage); re-importing a vintage replaces its rows.
 */
@Entity('territory_shape')
@Index(['territoryCode', 'vintage'], { unique: true })
@Index(['vintage'])
export class TerritoryShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territoryCode' })
  territoryRow?: Territory;

  /** Year of the contours (e.g. "2018" for IGN Admin Express COG 2018). */
  @Column({ type: 'varchar', length: 16 })
  vintage: string;

  /** GeoJSON geometry (Polygon or MultiPolygon, WGS 84 longitude/latitude). */
  @Column({ type: 'text' })
  geometry: string;

  /** Producer and product, e.g. "IGN Admin Express COG 2018 (contours administratifs, Etalab)". */
  @Column({ type: 'varchar', length: 300 })
  source: string;

  @Column({ type: 'varchar', length: 100 })
  licence: string;

  @CreateDateColumn()
  importedAt: Date;
}
