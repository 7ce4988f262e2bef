import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Territory } from '../territories/territory.entity';
import { normaliseSections, ProjectSections } from './project-sections';
import { ProjectStage } from './project-stage.enum';
import { Theme } from '../common/theme.enum';
import { themesColumn } from '../common/themes-column';

/**
 * A project sheet (fiche projet). The row holds the current revision's content; every save
 * also writes an immutable `WikiRevision` with a full snapshot. `revision` is the optimistic
 * lock: updates are conditional on it (see ProjectsService.update).
 */
@ObjectType()
@Entity('project')
export class Project {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable, human-readable: kept when the title changes. */
  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** slugify(current title): `[[Title]]` links resolve to a sheet by slug or by this key. */
  @Index()
  @Column({ type: 'varchar', length: 120 })
  titleKey: string;

  @Field()
  @Column({ type: 'varchar', length: 1000 })
  summary: string;

  @Field({ description: 'Markdown source.' })
  @Column({ type: 'text' })
  body: string;

  /** Stored as ",A,B," so that one theme filters with LIKE '%,A,%' on both drivers. */
  @Field(() => [Theme])
  @Column({ type: 'varchar', length: 400, transformer: themesColumn })
  themes: Theme[];

  @Field(() => ProjectStage)
  @Index()
  @Column({ type: 'varchar', length: 16 })
  stage: ProjectStage;

  @Field({ description: 'Code of the owner territory.' })
  @Index()
  @Column({ type: 'varchar', length: 12 })
  territoryCode: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territoryCode' })
  territory?: Territory;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  budgetEuros: number | null;

  @Field(() => ProjectSections, { description: 'Structured sections that help replicate the project.' })
  @Column({
    type: 'text',
    transformer: {
      to: (v: ProjectSections | undefined) => (v === undefined ? undefined : JSON.stringify(normaliseSections(v))),
      from: (v: string) => normaliseSections(JSON.parse(v || '{}')),
    },
  })
  sections: ProjectSections;

  @Field(() => Int, { description: 'Current revision number (1 for a new sheet).' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Index()
  @Column({ type: 'integer', nullable: true })
  replicatedFromId: number | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replicatedFromId' })
  replicatedFrom?: Project | null;

  /** Maintained by the blockers feature: true while the project has an open BLOCKING blocker. */
  @Field({ description: 'True while the project has an open blocking blocker.' })
  @Index()
  @Column({ type: 'boolean', default: false })
  isBlocked: boolean;

  /**
   * A replication starts as a draft: seen only by its territory's members and the moderation,
   * left out of lists, search and open data until `publishProject`.
   */
  @Field({ description: 'True while the sheet is a draft (a replication not yet confirmed): visible only to its territory and the moderation.' })
  @Index()
  @Column({ type: 'boolean', default: false })
  isDraft: boolean;

  @Field({ description: 'Demo content loaded with DEMO_DATA (not a real project).' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  /** Stable public identifier (the published project schema's `id`); set on insert, backfilled by migration. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  uuid: string | null;

  @BeforeInsert()
  assignUuid(): void {
    this.uuid ??= randomUUID();
  }

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @Column({ type: Date })
  updatedAt: Date;
}
