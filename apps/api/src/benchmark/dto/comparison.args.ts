import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, Matches, Max, Min } from 'class-validator';
import { PEER_GROUPS, PEER_SCOPES } from '@essaim/domain';
import { PeerGroup } from '../peer-group.enum';
import { PeerScope } from '../peer-scope.enum';
import { MAX_PEER_CODES, MAX_YEAR, MIN_YEAR, TERRITORY_CODE_PATTERN } from './benchmark-bounds';
import { problem } from '../../common/validation/problem';

/** Who to compare with. Shared by `comparison`, `maturity` and the CSV export. */
@ArgsType()
export class PeerSelectionArgs {
  @Field()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;

  @Field(() => PeerGroup)
  @IsIn(PEER_GROUPS, problem('UNKNOWN_PEER_GROUP'))
  peerGroup: PeerGroup;

  @Field(() => [String], { nullable: true, description: 'CUSTOM only: the peers’ territory codes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PEER_CODES, problem('TOO_MANY_COMPARISON_TERRITORIES', { max: MAX_PEER_CODES }))
  @Matches(TERRITORY_CODE_PATTERN, { each: true, ...problem('INVALID_TERRITORY_CODE_IN_PEERS') })
  peerCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'CUSTOM only: one of your saved peer lists (instead of peerCodes).' })
  @IsOptional()
  @Matches(/^\d{1,12}$/, problem('INVALID_PEER_LIST'))
  peerListId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'POPULATION_BAND only: the départements to look in (default: the territory’s own), e.g. ["91","77","78"].',
  })
  @IsOptional()
  @ArrayMaxSize(101)
  @Matches(/^(\d{2,3}|2[AB])$/, { each: true, ...problem('INVALID_DEPARTEMENT_CODE') })
  departements?: string[] | null;

  @Field(() => PeerScope, {
    nullable: true,
    description:
      'POPULATION_BAND only: look for peers in the département, the région or all of France. Default: the smallest scope giving at least 5 peers. Ignored when departements is given.',
  })
  @IsOptional()
  @IsIn(PEER_SCOPES, problem('UNKNOWN_PEER_SCOPE'))
  scope?: PeerScope | null;
}

@ArgsType()
export class ComparisonArgs extends PeerSelectionArgs {
  @Field(() => Int, { nullable: true, description: 'Default: the latest year with a value for the territory or its peers.' })
  @IsOptional()
  @Min(MIN_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  @Max(MAX_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  year?: number | null;
}
