import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { RequestContext } from '../common/auth/request-context';
import { loaderFor } from '../common/loaders';
import type { Theme } from '../common/theme.enum';
import { themePattern } from '../common/themes-column';
import { Project } from '../wiki/project.entity';

/** At most this many sheets next to one lagging indicator. */
export const PEER_PROJECTS_PER_ROW = 3;
const STAGE_ORDER: Record<string, number> = { DEPLOYED: 0, IN_PROGRESS: 1, STUDY: 2, IDEA: 3, ABANDONED: 4 };

/**
 * "Ce qu'ont fait les mieux classés": project sheets of the better-ranked peers on the themes
 * an indicator declares related (relatedThemes), best-ranked peer first. Every row of a
 * comparison is answered by one query (DataLoader).
 */
@Injectable()
export class PeerProjectsService {
  constructor(@InjectRepository(Project) private readonly projects: Repository<Project>) {}

  /** `betterPeerCodes` best first: sheets of the best peers come first, deployed ones before ideas. */
  load(ctx: Pick<RequestContext, 'loaders'>, themes: Theme[], betterPeerCodes: string[]): Promise<Project[]> {
    if (betterPeerCodes.length === 0 || themes.length === 0) return Promise.resolve([]);
    return loaderFor<string, Project[]>(ctx, 'benchmark:peerProjects', (keys) => this.batch(keys)).load(
      `${themes.join('+')}|${betterPeerCodes.join(',')}`,
    ) as Promise<Project[]>;
  }

  private async batch(keys: readonly string[]): Promise<Project[][]> {
    const requests = keys.map((key) => {
      const [themes, codes] = key.split('|');
      return { themes: themes.split('+') as Theme[], codes: codes.split(',') };
    });
    const codes = [...new Set(requests.flatMap((r) => r.codes))];
    const themes = [...new Set(requests.flatMap((r) => r.themes))];
    const rows = await this.projects
      .createQueryBuilder('p')
      .where('p.territoryCode IN (:...codes)', { codes })
      .andWhere(new Brackets((w) => themes.forEach((t, i) => w.orWhere(`p.themes LIKE :t${i}`, { [`t${i}`]: themePattern(t) }))))
      .andWhere("p.stage <> 'ABANDONED'")
      .andWhere('p.isDraft = :draft', { draft: false })
      .orderBy('p.updatedAt', 'DESC')
      .take(1000)
      .getMany();
    return requests.map(({ themes: related, codes: peerCodes }) => {
      const rank = new Map(peerCodes.map((c, i) => [c, i]));
      return rows
        .filter((p) => rank.has(p.territoryCode) && p.themes.some((t) => related.includes(t)))
        .sort((a, b) => rank.get(a.territoryCode)! - rank.get(b.territoryCode)! || (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9))
        .slice(0, PEER_PROJECTS_PER_ROW);
    });
  }
}
