import { Injectable, Logger } from '@nestjs/common';
import { ACTIVE_STATUSES, DAY_MS } from '@essaim/domain';
import { EntityManager, In } from 'typeorm';
import type { DemoAccounts } from '../seed/demo-accounts';
import type { DemoSeeder } from '../seed/seed.registry';
import { Project } from '../wiki/project.entity';
import { themePattern } from '../common/themes-column';
import { BlockerEvent } from './blocker-event.entity';
import { Blocker } from './blocker.entity';
import { BlockersService } from './blockers.service';
import { DEMO_BLOCKERS, DemoBlocker } from './demo-blockers';

/** Demo blockers on the wiki's demo projects (order 50: after the wiki's seeder). */
@Injectable()
export class BlockersSeeder implements DemoSeeder {
  readonly order = 50;
  readonly name = 'blockers';
  private readonly logger = new Logger(BlockersSeeder.name);

  constructor(private readonly blockers: BlockersService) {}

  async seed(manager: EntityManager, accounts: DemoAccounts): Promise<void> {
    const now = Date.now();
    const touched = new Set<number>();
    let created = 0;
    for (const demo of DEMO_BLOCKERS) {
      const project = await this.findProject(manager, demo);
      if (!project) {
        this.logger.warn(`No demo project for the blocker "${demo.description.slice(0, 40)}…": skipped`);
        continue;
      }
      const author = Object.values(accounts).find((a) => a.role === 'MEMBER' && a.territoryCode === project.territoryCode) ?? accounts.moderator;
      const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
      const last = demo.steps[demo.steps.length - 1];
      const status = last?.status ?? 'OPEN';
      const closed = !ACTIVE_STATUSES.includes(status);
      const blocker = await manager.getRepository(Blocker).save(
        manager.getRepository(Blocker).create({
          projectId: project.id,
          category: demo.category,
          severity: demo.severity,
          status,
          description: demo.description,
          confidential: demo.confidential ?? false,
          resolution: last?.resolution ?? null,
          openedAt: at(demo.openedDaysAgo),
          resolvedAt: closed ? at(last.daysAgo) : null,
          reportedById: author.id,
          resolvedById: closed ? author.id : null,
        }),
      );
      const events: Partial<BlockerEvent>[] = [
        { blockerId: blocker.id, previousStatus: null, status: 'OPEN', authorId: author.id, at: at(demo.openedDaysAgo) },
      ];
      let previous = 'OPEN' as BlockerEvent['status'];
      for (const step of demo.steps) {
        events.push({
          blockerId: blocker.id,
          previousStatus: previous,
          status: step.status,
          resolution: step.resolution ?? null,
          comment: step.comment ?? null,
          authorId: author.id,
          at: at(step.daysAgo),
        });
        previous = step.status;
      }
      await manager.getRepository(BlockerEvent).insert(events);
      touched.add(project.id);
      created += 1;
    }
    for (const projectId of touched) await this.blockers.refreshIsBlocked(manager, projectId);
    this.logger.log(`${created} demo blockers on ${touched.size} projects`);
  }

  /** The first existing slug, else the oldest demo project with the theme. */
  private async findProject(manager: EntityManager, demo: DemoBlocker): Promise<Project | null> {
    const repo = manager.getRepository(Project);
    const bySlug = await repo.find({ where: { slug: In(demo.slugs) } });
    for (const slug of demo.slugs) {
      const found = bySlug.find((p) => p.slug === slug);
      if (found) return found;
    }
    return repo
      .createQueryBuilder('p')
      .where('p.themes LIKE :theme', { theme: themePattern(demo.theme) })
      .orderBy('p.isDemo', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .getOne();
  }
}
