import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenchmarkModule } from '../benchmark/benchmark.module';
import { SeedRegistry } from '../seed/seed.registry';
import { Territory } from '../territories/territory.entity';
import { BaseMapsService } from './base-maps.service';
import { ContoursDemoSeeder } from './contours-demo.seeder';
import { ComparisonMapResolver, MapsResolver } from './maps.resolver';
import { MapsService } from './maps.service';
import { TerritoryShape } from './territory-shape.entity';

/** Commune outlines (contours import) and the server-rendered SVG maps. See docs/maps.md. */
@Module({
  imports: [TypeOrmModule.forFeature([TerritoryShape, Territory]), BenchmarkModule],
  providers: [BaseMapsService, MapsService, MapsResolver, ComparisonMapResolver, ContoursDemoSeeder],
})
export class MapsModule implements OnModuleInit {
  constructor(
    private readonly seeds: SeedRegistry,
    private readonly seeder: ContoursDemoSeeder,
  ) {}

  onModuleInit(): void {
    this.seeds.register(this.seeder);
  }
}
