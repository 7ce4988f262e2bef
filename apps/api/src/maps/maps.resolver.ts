import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Comparison } from '../benchmark/models/comparison.model';
import { Allow } from '../common/auth/allow.decorator';
import { BlockerMapArgs, ComparisonMapArgs, TerritoryMapArgs } from './dto/map.args';
import { MapsService } from './maps.service';
import { TerritoryMap } from './models/territory-map.model';

@Resolver()
export class MapsResolver {
  constructor(private readonly maps: MapsService) {}

  @Query(() => TerritoryMap, {
    nullable: true,
    description: 'Where a territory is: the communes of its département, the territory highlighted. Null when no outlines are loaded (or for a région).',
  })
  @Allow('PUBLIC')
  territoryMap(@Args() args: TerritoryMapArgs): Promise<TerritoryMap | null> {
    return this.maps.location(args.code.toUpperCase());
  }

  @Query(() => TerritoryMap, {
    nullable: true,
    description: 'Open blockers (OPEN or IN_PROGRESS) of the projects of each commune of a département, in quantile classes. Null without outlines.',
  })
  @Allow('PUBLIC')
  blockerMap(@Args() args: BlockerMapArgs): Promise<TerritoryMap | null> {
    return this.maps.blockers(args.departement.toUpperCase(), args.theme ?? null);
  }
}

@Resolver(() => Comparison)
export class ComparisonMapResolver {
  constructor(private readonly maps: MapsService) {}

  @ResolveField(() => TerritoryMap, {
    nullable: true,
    description:
      'Choropleth of one indicator across the territory’s département (communes or EPCI) for the comparison’s year: the territory highlighted, its peers marked. Null without outlines.',
  })
  map(@Parent() comparison: Comparison, @Args() args: ComparisonMapArgs): Promise<TerritoryMap | null> {
    return this.maps.indicator(comparison, args.indicatorCode ?? null, args.level ?? null);
  }
}
