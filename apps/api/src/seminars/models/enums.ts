import { registerEnumType } from '@nestjs/graphql';

export enum VotingState {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum ResultsVisibility {
  LIVE = 'LIVE',
  AFTER_CLOSE = 'AFTER_CLOSE',
  HIDDEN = 'HIDDEN',
}

export enum MinutesFormat {
  MARKDOWN = 'MARKDOWN',
  CSV = 'CSV',
  HTML = 'HTML',
}

/** A participant's proposed stake waits for the facilitator: accepted ones join the workshop. */
export enum StakeStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

registerEnumType(VotingState, { name: 'VotingState', description: 'DRAFT (being prepared), OPEN (voting), CLOSED.' });
registerEnumType(ResultsVisibility, {
  name: 'ResultsVisibility',
  description: 'Who sees results: LIVE (everyone, during the vote), AFTER_CLOSE (once closed), HIDDEN (facilitators only).',
});
registerEnumType(MinutesFormat, { name: 'MinutesFormat' });
registerEnumType(StakeStatus, { name: 'StakeStatus' });
