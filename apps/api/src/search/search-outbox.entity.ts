import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a content change writes a row here in the same transaction, and the
 * indexer sends it to the engine and deletes it only once the engine confirmed.
 */
@Entity('search_outbox')
export class SearchOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  docType: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  docId: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index()
  @Column({ type: Date, nullable: true })
  notBefore: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
