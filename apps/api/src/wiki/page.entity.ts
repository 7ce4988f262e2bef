import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A wiki page (guide, catalogue of procedures, template…). Like projects, the row holds the
 * current revision and `revision` is the optimistic lock.
 */
@ObjectType()
@Entity('wiki_page')
export class Page {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable: derived from the first title and kept when the page is renamed. */
  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  /** slugify(current title): `[[Title]]` links resolve by slug or by this key. */
  @Index()
  @Column({ type: 'varchar', length: 100 })
  titleKey: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'Markdown source.' })
  @Column({ type: 'text' })
  body: string;

  /** Parent page in the page tree (null for top-level pages). */
  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Page, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parentId' })
  parent?: Page | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Field({ description: 'Demo content loaded with DEMO_DATA.' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @Column({ type: Date })
  updatedAt: Date;
}
