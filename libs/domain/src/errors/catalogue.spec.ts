import { ERROR_CATALOGUE } from './catalogue';
import { ACCOUNT_ERRORS } from './catalogue-accounts';
import { BENCHMARK_ERRORS } from './catalogue-benchmark';
import { BLOCKER_ERRORS } from './catalogue-blockers';
import { COMMON_ERRORS } from './catalogue-common';
import { FORUM_ERRORS } from './catalogue-forum';
import { SEMINAR_ERRORS } from './catalogue-seminars';
import { WIKI_ERRORS } from './catalogue-wiki';
import { errorMessage, errorText, isErrorReason, placeholdersOf, sayError, type ErrorReason } from './message';
import { transitionProblem } from '../blockers';

const reasons = Object.keys(ERROR_CATALOGUE) as ErrorReason[];

describe('the errors catalogue', () => {
  it('says every reason in French and in English, with the same parameters', () => {
    expect(reasons.length).toBeGreaterThan(150);
    for (const reason of reasons) {
      const { fr, en } = ERROR_CATALOGUE[reason];
      expect({ reason, fr: fr.trim().length > 0, en: en.trim().length > 0 }).toEqual({ reason, fr: true, en: true });
      expect({ reason, params: placeholdersOf(en).sort() }).toEqual({ reason, params: placeholdersOf(fr).sort() });
    }
  });

  it('has an English sentence that is not the French one (except pass-through sentences)', () => {
    const untranslated = reasons.filter((reason) => {
      const { fr, en } = ERROR_CATALOGUE[reason];
      return fr === en && !/^\{\w+\}$/.test(fr);
    });
    expect(untranslated).toEqual([]);
  });

  it('uses stable SCREAMING_SNAKE reasons, each defined by exactly one feature', () => {
    const parts = [COMMON_ERRORS, ACCOUNT_ERRORS, WIKI_ERRORS, BLOCKER_ERRORS, FORUM_ERRORS, BENCHMARK_ERRORS, SEMINAR_ERRORS];
    const all = parts.flatMap((part) => Object.keys(part));
    expect(all.length).toBe(new Set(all).size);
    expect(all.length).toBe(reasons.length);
    for (const reason of reasons) expect(reason).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });
});

describe('errorText', () => {
  it('fills placeholders with numbers as written and bilingual words in the asked language', () => {
    expect(errorText('REVISION_NOT_FOUND', { number: 12 }, 'fr')).toBe('Révision 12 introuvable.');
    expect(errorText('REVISION_NOT_FOUND', { number: 12 }, 'en')).toBe('Revision 12 not found.');
    const closed = errorMessage('WORKSHOP_CLOSED_FOR', { action: { fr: 'proposer un enjeu', en: 'propose a stake' } });
    expect(sayError(closed, 'fr')).toBe("L'atelier est clos : impossible de proposer un enjeu.");
    expect(sayError(closed, 'en')).toBe('The workshop is closed: you cannot propose a stake.');
  });

  it('leaves a missing parameter visible rather than failing', () => {
    expect(errorText('REVISION_NOT_FOUND', {}, 'en')).toBe('Revision {number} not found.');
  });

  it('knows its reasons', () => {
    expect(isErrorReason('PAGE_NOT_FOUND')).toBe(true);
    expect(isErrorReason('GRAPHQL_VALIDATION_FAILED')).toBe(false);
    expect(isErrorReason('toString')).toBe(false);
  });

  it('says a refused blocker transition with the status labels of each language', () => {
    const problem = transitionProblem('LIFTED', 'ABANDONED')!;
    expect(problem.reason).toBe('BLOCKER_TRANSITION_REFUSED');
    expect(sayError(problem, 'fr')).toBe('Un frein « Levé » ne peut pas passer à « Abandonné ». Statuts possibles : « Ouvert ».');
    expect(sayError(problem, 'en')).toBe('A blocker "Lifted" cannot become "Abandoned". Possible statuses: "Open".');
  });
});
