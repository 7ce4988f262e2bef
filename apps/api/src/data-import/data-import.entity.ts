import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';

export type DataImportStatus = 'RUNNING' | 'DONE' | 'FAILED' | 'REPLACED';
export type DataImportVia = 'CLI' | 'ADMIN';

/** One run of an official-data import: which source and vintage, who ran it, and its report. */
@Entity('data_import')
@Index(['sourceKey', 'vintage'])
export class DataImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  sourceKey: string;

  @Column({ type: 'varchar', length: 40 })
  vintage: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: DataImportStatus;

  @Column({ type: 'integer', default: 0 })
  rowsRead: number;

  /** The report as JSON (see ImportRunReport). */
  @Column({ type: 'text', nullable: true })
  report: string | null;

  @Column({ type: 'integer', nullable: true })
  importedById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'importedById' })
  importedBy?: User | null;

  @Column({ type: 'varchar', length: 16 })
  importedVia: DataImportVia;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  finishedAt: Date | null;
}
