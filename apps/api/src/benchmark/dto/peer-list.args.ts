import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { MAX_PEER_CODES, TERRITORY_CODE_PATTERN } from './benchmark-bounds';

@ArgsType()
export class SavePeerListArgs {
  @Field({ description: 'Saving again under the same name replaces that list.' })
  @IsTitleText('nom de la liste', 2, 80, { lengthMessage: 'Le nom de la liste doit comporter entre 2 et 80 caractères.' })
  name: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'Choisissez au moins un territoire.' })
  @ArrayMaxSize(MAX_PEER_CODES, { message: `Au plus ${MAX_PEER_CODES} territoires par liste.` })
  @Matches(TERRITORY_CODE_PATTERN, { each: true, message: 'Code de territoire invalide dans la liste.' })
  peerCodes: string[];
}

@ArgsType()
export class PeerListIdArgs {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, { message: 'Liste de pairs invalide.' })
  id: string;
}
