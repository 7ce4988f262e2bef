import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { MAX_PEER_CODES, TERRITORY_CODE_PATTERN } from './benchmark-bounds';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class SavePeerListArgs {
  @Field({ description: 'Saving again under the same name replaces that list.' })
  @IsTitleText('nom de la liste', 2, 80, { lengthMessage: problem('PEER_LIST_NAME_LENGTH', { min: 2, max: 80 }) })
  name: string;

  @Field(() => [String])
  @ArrayMinSize(1, problem('TERRITORY_REQUIRED'))
  @ArrayMaxSize(MAX_PEER_CODES, problem('TOO_MANY_TERRITORIES_IN_LIST', { max: MAX_PEER_CODES }))
  @Matches(TERRITORY_CODE_PATTERN, { each: true, ...problem('INVALID_TERRITORY_CODE_IN_LIST') })
  peerCodes: string[];
}

@ArgsType()
export class PeerListIdArgs {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, problem('INVALID_PEER_LIST'))
  id: string;
}
