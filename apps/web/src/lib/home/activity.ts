import type { ResultOf } from '$lib/graphql/graphql';
import type { HomeActivityQuery, HomeSeminarsQuery } from './operations';

type Activity = ResultOf<typeof HomeActivityQuery>;
type Seminars = ResultOf<typeof HomeSeminarsQuery>['seminars'] | null;

/**
 * What the home page lists, from one HomeActivity answer: the latest sheets, the latest
 * replications, the next seminars (today included; members only, else null) and the latest
 * forum topics.
 */
export function homeActivity(data: Activity, seminarList: Seminars, now = new Date()) {
  const projects = data.projects.edges.map((e) => e.node);
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const seminars = seminarList?.edges.map((e) => e.node) ?? [];
  const upcoming = seminars.filter((s) => new Date(s.date) >= today).sort((a, b) => a.date.localeCompare(b.date));
  const topics = data.categories
    .flatMap((c) => c.threads.edges.map((e) => ({ ...e.node, category: { slug: c.slug, name: c.name } })))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return {
    latestSheets: projects.filter((p) => !p.replicatedFrom).slice(0, 4),
    latestReplications: projects.filter((p) => p.replicatedFrom).slice(0, 3),
    liftedBlockers: data.blockers.edges.map((e) => e.node),
    upcomingSeminars: seminarList ? upcoming.slice(0, 3) : null,
    latestTopics: topics.slice(0, 5),
    figures: {
      sheets: data.projects.totalCount,
      lifted: data.blockers.totalCount,
      seminars: seminarList ? seminarList.totalCount : null,
      topics: data.categories.reduce((sum, c) => sum + c.threadCount, 0),
    },
  };
}
