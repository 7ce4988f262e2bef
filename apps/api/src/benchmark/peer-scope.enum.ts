import { registerEnumType } from '@nestjs/graphql';
import { PEER_SCOPES, PeerScope as DomainPeerScope } from '@essaim/domain';

export const PeerScope = Object.fromEntries(PEER_SCOPES.map((s) => [s, s])) as { [K in DomainPeerScope]: K };
export type PeerScope = DomainPeerScope;

registerEnumType(PeerScope, {
  name: 'PeerScope',
  description: 'Where POPULATION_BAND peers are looked for: the territory’s département, its région, or all of France.',
});
