import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small key/value facts about this instance (imported dataset versions, demo seed marker). */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
