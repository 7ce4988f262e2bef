import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoAccounts } from '../../seed/demo-accounts';
import { SeedRegistry } from '../../seed/seed.registry';
import { Territory } from '../../territories/territory.entity';
import { Page } from '../page.entity';
import { normaliseSections } from '../project-sections';
import { Project } from '../project.entity';
import { PagesService } from '../pages.service';
import { ProjectsService } from '../projects.service';
import { ProjectContent, projectContent } from '../wiki-content';
import { DEMO_PAGES } from './wiki-demo-pages';
import { DEMO_NOTE, DEMO_PROJECTS, DEMO_REPLICATIONS } from './wiki-demo-projects';

/** Demo sheets (with a few revisions each and replications) and wiki pages, marked isDemo. */
@Injectable()
export class WikiDemoSeeder implements OnModuleInit {
  constructor(
    private readonly registry: SeedRegistry,
    private readonly projects: ProjectsService,
    private readonly pages: PagesService,
  ) {}

  onModuleInit(): void {
    this.registry.register({ order: 10, name: 'wiki', seed: (manager, accounts) => this.seed(manager, accounts) });
  }

  async seed(manager: EntityManager, accounts: DemoAccounts): Promise<void> {
    const territories = manager.getRepository(Territory);
    const byKey = new Map<string, Project>();
    for (const demo of DEMO_PROJECTS) {
      const territory = await territories.findOneBy({ code: demo.content.territoryCode });
      if (!territory) continue; // a partial territory import (tests) may lack it
      let content: ProjectContent = projectContent({
        ...demo.content,
        body: demo.content.body + DEMO_NOTE,
        sections: normaliseSections(demo.content.sections),
      });
      let project = await this.projects.insert(manager, accounts[demo.author], content, territory, { isDemo: true, comment: 'Création de la fiche' });
      for (const edit of demo.edits) {
        const { sections, ...rest } = edit.change;
        content = projectContent({
          ...content,
          ...rest,
          body: rest.body ? rest.body + DEMO_NOTE : content.body,
          sections: sections ? { ...content.sections, ...sections } : content.sections,
        });
        project = await this.projects.applyUpdate(manager, accounts[edit.author], project.id, project.revision, content, edit.comment);
      }
      byKey.set(demo.key, project);
    }
    for (const replication of DEMO_REPLICATIONS) {
      const source = byKey.get(replication.source);
      const territory = await territories.findOneBy({ code: replication.territoryCode });
      if (!source || !territory) continue;
      const content: ProjectContent = { ...projectContent(source), territoryCode: territory.code, stage: replication.stage, budgetEuros: null };
      await this.projects.insert(manager, accounts[replication.author], content, territory, {
        isDemo: true,
        replicatedFromId: source.id,
        comment: `Réplication de « ${source.title} » (révision ${source.revision})`,
      });
    }
    const pageIds = new Map<string, number>();
    for (const demo of DEMO_PAGES) {
      const parentId = demo.parent ? pageIds.get(demo.parent) : undefined;
      let page: Page = await this.pages.create(
        accounts[demo.author],
        { title: demo.title, body: demo.body, parentId: parentId ? String(parentId) : null },
        { isDemo: true, manager },
      );
      for (const edit of demo.edits) {
        page = await this.pages.update(accounts[edit.author], String(page.id), page.revision, { title: demo.title, body: edit.body }, edit.comment, manager);
      }
      pageIds.set(demo.title, page.id);
    }
  }
}
