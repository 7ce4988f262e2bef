import { ResultsVisibility, VotingState } from '../models/enums';

/**
 * Who sees a workshop's results: facilitators of the seminar always; everyone else when
 * visibility is LIVE, or AFTER_CLOSE once the workshop is closed; never when HIDDEN.
 */
export function resultsVisible(workshop: { state: VotingState; resultsVisibility: ResultsVisibility }, canManage: boolean): boolean {
  if (canManage) return true;
  if (workshop.resultsVisibility === ResultsVisibility.LIVE) return true;
  return workshop.resultsVisibility === ResultsVisibility.AFTER_CLOSE && workshop.state === VotingState.CLOSED;
}
