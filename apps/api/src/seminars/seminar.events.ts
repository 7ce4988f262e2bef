import { DomainEvent } from '../events/domain-event';
import type { ChangesSearchDocuments, SearchDocumentRefs } from '../search/search-events';

/**
 * Something live subscribers of a workshop see changed: they get a new snapshot after the
 * commit (coalesced; `urgent` skips the wait, for state changes the room must see at once).
 */
export abstract class WorkshopChanged extends DomainEvent {
  constructor(
    readonly workshopId: number,
    readonly urgent = false,
  ) {
    super();
  }
}

const stakes = (ids: readonly number[]): SearchDocumentRefs => ({ docType: 'STAKE', ids });

/** The facilitator appended numbered stakes. */
export class StakesAdded extends WorkshopChanged implements ChangesSearchDocuments {
  constructor(
    workshopId: number,
    readonly stakeIds: readonly number[],
  ) {
    super(workshopId, true);
  }

  searchDocuments(): SearchDocumentRefs {
    return stakes(this.stakeIds);
  }
}

/** Voting opened, closed or reopened, or the results' visibility changed. */
export class WorkshopSettingsChanged extends WorkshopChanged {
  constructor(workshopId: number) {
    super(workshopId, true);
  }
}

/** A participant scored a stake (one raw SQL upsert). */
export class VoteCast extends WorkshopChanged {
  constructor(
    workshopId: number,
    readonly stakeId: number,
  ) {
    super(workshopId);
  }
}

/** Someone proposed a new wording for a stake. */
export class ReformulationProposed extends WorkshopChanged {}

/** A participant supported a reformulation (raw SQL). */
export class ReformulationSupported extends WorkshopChanged {
  constructor(
    workshopId: number,
    readonly reformulationId: number,
  ) {
    super(workshopId);
  }
}

/** The facilitator adopted a reformulation: the stake's wording changed. */
export class ReformulationAdopted extends WorkshopChanged implements ChangesSearchDocuments {
  constructor(
    workshopId: number,
    readonly stakeId: number,
  ) {
    super(workshopId);
  }

  searchDocuments(): SearchDocumentRefs {
    return stakes([this.stakeId]);
  }
}

/**
 * A "+" stake was proposed, or a proposed one accepted or rejected by the facilitator. Only
 * accepted stakes are searchable.
 */
export class StakeProposalChanged extends WorkshopChanged implements ChangesSearchDocuments {
  constructor(
    workshopId: number,
    readonly stakeId: number,
    readonly accepted: boolean,
  ) {
    super(workshopId);
  }

  searchDocuments(): SearchDocumentRefs {
    return stakes(this.accepted ? [this.stakeId] : []);
  }
}

/** The demo seminar was written (no live subscriber yet: search only). */
export class DemoStakesSeeded extends DomainEvent implements ChangesSearchDocuments {
  constructor(readonly stakeIds: readonly number[]) {
    super();
  }

  searchDocuments(): SearchDocumentRefs {
    return stakes(this.stakeIds);
  }
}
