import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { relatedThemes } from '@essaim/domain';
import { Theme } from '../common/theme.enum';
import { Allow } from '../common/auth/allow.decorator';
import { IndicatorInput } from './dto/indicator.input';
import { Indicator } from './indicator.entity';
import { IndicatorsService } from './indicators.service';

@Resolver(() => Indicator)
export class IndicatorsResolver {
  constructor(private readonly catalogue: IndicatorsService) {}

  @Query(() => [Indicator], { description: 'The indicator catalogue, built-in indicators first.' })
  @Allow('PUBLIC')
  indicators(): Promise<Indicator[]> {
    return this.catalogue.all();
  }

  @Mutation(() => Indicator, { description: 'Adds an indicator to the catalogue (administrators).' })
  @Allow('ADMIN')
  createIndicator(@Args('input') input: IndicatorInput): Promise<Indicator> {
    return this.catalogue.create(input);
  }

  @ResolveField(() => [Theme], { description: 'Themes whose project sheets can move this indicator ("what better-ranked peers did" draws from them).' })
  relatedThemes(@Parent() indicator: Indicator): Theme[] {
    return relatedThemes(indicator) as Theme[];
  }
}
