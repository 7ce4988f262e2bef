import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../accounts/user.entity';
import { TerritoriesModule } from '../territories/territories.module';
import { Territory } from '../territories/territory.entity';
import { Page } from './page.entity';
import { PagesResolver } from './pages.resolver';
import { PagesService } from './pages.service';
import { RevisionedDocumentStore } from './documents/revisioned-document.store';
import { ProjectFollowersHandler } from './project-followers.handler';
import { ProjectFollowersService } from './project-followers.service';
import { Project } from './project.entity';
import { ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';
import { RevisionsResolver } from './revisions.resolver';
import { RevisionsService } from './revisions.service';
import { TerritoryProjectsResolver } from './territory-projects.resolver';
import { WikiDemoSeeder } from './demo/wiki-demo.seeder';
import { WikiLink } from './wiki-link.entity';
import { WikiLinksService } from './wiki-links.service';
import { WikiRevision } from './wiki-revision.entity';
import { WikiSearchSources } from './wiki-search.sources';

/** Entities of the wiki, exported for other features' modules. */
export const WIKI_ENTITIES = [Project, Page, WikiRevision, WikiLink];

/**
 * Project sheets and wiki pages with full history. Exports ProjectsService (findById,
 * findBySlug, load, canEdit) and the wiki repositories for the blockers and forum features.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...WIKI_ENTITIES, User, Territory]), TerritoriesModule],
  providers: [
    ProjectsService,
    ProjectFollowersService,
    ProjectFollowersHandler,
    RevisionedDocumentStore,
    PagesService,
    RevisionsService,
    WikiLinksService,
    ProjectsResolver,
    PagesResolver,
    RevisionsResolver,
    TerritoryProjectsResolver,
    WikiSearchSources,
    WikiDemoSeeder,
  ],
  exports: [ProjectsService, PagesService, TypeOrmModule],
})
export class WikiModule {}
