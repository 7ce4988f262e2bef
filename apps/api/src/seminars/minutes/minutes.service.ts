import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/auth/request-context';
import { SeminarGroup } from '../entities/group.entity';
import { MinutesFormat, StakeStatus } from '../models/enums';
import { ResultsService } from '../services/results.service';
import { SeminarAccessService } from '../services/seminar-access.service';
import { SeminarsService } from '../services/seminars.service';
import { resultsVisible } from '../services/visibility';
import { MinutesFollowUpsRegistry } from './minutes-follow-ups.registry';
import { HIDDEN_SCORE, MinutesModel, MinutesTable } from './minutes-model';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

const RENDERERS = {
  [MinutesFormat.MARKDOWN]: renderMarkdown,
  [MinutesFormat.CSV]: renderCsv,
  [MinutesFormat.HTML]: renderHtml,
} satisfies Record<MinutesFormat, (model: MinutesModel) => string>;

/** The seminar's minutes: every workshop's table, scores shown only where the reader may see them. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly results: ResultsService,
    private readonly access: SeminarAccessService,
    private readonly followUps: MinutesFollowUpsRegistry,
  ) {}

  async render(ctx: RequestContext, seminarId: number, format: MinutesFormat): Promise<string> {
    return RENDERERS[format](await this.model(ctx, seminarId));
  }

  async model(ctx: RequestContext, seminarId: number): Promise<MinutesModel> {
    const seminar = await this.seminars.get(seminarId);
    const [groups, workshops, canManage, followUps] = await Promise.all([
      this.seminars.groupsOf(ctx, seminarId),
      this.seminars.workshopsOf(ctx, seminarId),
      this.access.canManage(ctx, seminarId),
      this.followUps.followUps(seminarId),
    ]);
    const stakes = await this.seminars.stakesFor(
      workshops.map((w) => w.id),
      StakeStatus.ACCEPTED,
    );
    const counts = await this.results.countsFor(stakes.map((s) => s.id));
    const tables: MinutesTable[] = workshops.map((workshop) => {
      const own = stakes.filter((s) => s.workshopId === workshop.id);
      const ownIds = new Set(own.map((s) => s.id));
      const scoredGroups = new Set(counts.filter((c) => ownIds.has(c.stakeId)).map((c) => c.groupId));
      // Columns: the groups that scored this workshop (all groups when none did yet).
      const columns: SeminarGroup[] = scoredGroups.size ? groups.filter((g) => scoredGroups.has(String(g.id))) : groups;
      const visible = resultsVisible(workshop, canManage);
      return {
        title: workshop.title,
        groups: columns.length ? columns.map((g) => g.name) : ['—'],
        rows: own.map((stake) => {
          const result = this.results.toResults(
            counts.filter((c) => c.stakeId === stake.id),
            columns,
          );
          const scores = columns.length ? result.byGroup.map((g) => g.formatted) : ['-'];
          return {
            label: stake.isAddition ? '+' : String(stake.number),
            text: stake.originalText,
            scores: visible ? scores : scores.map(() => HIDDEN_SCORE),
            reformulation: stake.emphasis,
          };
        }),
      };
    });
    return { title: seminar.title, date: seminar.date, place: seminar.place, workshops: tables, followUps };
  }
}
