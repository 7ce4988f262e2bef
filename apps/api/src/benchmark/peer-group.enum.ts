import { registerEnumType } from '@nestjs/graphql';
import { PEER_GROUPS, PeerGroup as DomainPeerGroup } from '@essaim/domain';

/** The contract's `PeerGroup` enum (labels in @essaim/domain). */
export const PeerGroup = Object.fromEntries(PEER_GROUPS.map((g) => [g, g])) as { [K in DomainPeerGroup]: K };
export type PeerGroup = DomainPeerGroup;

registerEnumType(PeerGroup, {
  name: 'PeerGroup',
  description:
    'SAME_EPCI: the other communes of the commune’s EPCI. POPULATION_BAND: territories of the same kind and INSEE population band, in the same département by default. CUSTOM: the given peerCodes (or a saved peer list).',
});
