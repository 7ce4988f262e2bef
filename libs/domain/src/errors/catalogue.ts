import { ACCOUNT_ERRORS } from './catalogue-accounts';
import { BENCHMARK_ERRORS } from './catalogue-benchmark';
import { BLOCKER_ERRORS } from './catalogue-blockers';
import { COMMON_ERRORS } from './catalogue-common';
import { FORUM_ERRORS } from './catalogue-forum';
import { SEMINAR_ERRORS } from './catalogue-seminars';
import { WIKI_ERRORS } from './catalogue-wiki';

/**
 * Every sentence the API says about an error, by reason, in French and English. The French is
 * the reference (the interface's language); `{name}` placeholders take the error's parameters
 * and must be the same in both languages (errors.spec.ts checks it). The reason is stable: the
 * web and scripts may rely on it, while the sentences may be reworded.
 */
// Merged by calls marked pure (not an object spread): bundlers then drop the whole catalogue from
// the web's client code, which imports other parts of this package but never the sentences.
const merged = /* @__PURE__ */ Object.assign(
  /* @__PURE__ */ Object.assign({}, COMMON_ERRORS, ACCOUNT_ERRORS, WIKI_ERRORS),
  /* @__PURE__ */ Object.assign({}, BLOCKER_ERRORS, FORUM_ERRORS, BENCHMARK_ERRORS),
  SEMINAR_ERRORS,
);
export const ERROR_CATALOGUE: typeof COMMON_ERRORS &
  typeof ACCOUNT_ERRORS &
  typeof WIKI_ERRORS &
  typeof BLOCKER_ERRORS &
  typeof FORUM_ERRORS &
  typeof BENCHMARK_ERRORS &
  typeof SEMINAR_ERRORS = merged satisfies Record<string, { readonly fr: string; readonly en: string }>;
