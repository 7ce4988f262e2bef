import { DomainEvent } from '../../events/domain-event';

/** The territory named in the notifications. */
interface TerritoryNamed {
  code: string;
  name: string;
}

/** Someone asked to speak for a territory and waits for a manager (the territory's managers are told). */
export class MembershipRequested extends DomainEvent {
  constructor(
    readonly membershipId: number,
    readonly territory: TerritoryNamed,
    readonly requester: { id: number; displayName: string },
  ) {
    super();
  }
}

/** A manager approved or refused a pending request (the requester is told, with the reason of a refusal). */
export class MembershipDecided extends DomainEvent {
  constructor(
    readonly membershipId: number,
    readonly userId: number,
    readonly territory: TerritoryNamed,
    readonly approved: boolean,
    readonly reason: string | null,
  ) {
    super();
  }
}

/** A verified membership was withdrawn (the member is told why). */
export class MembershipRevoked extends DomainEvent {
  constructor(
    readonly membershipId: number,
    readonly userId: number,
    readonly territory: TerritoryNamed,
    readonly reason: string,
  ) {
    super();
  }
}
