import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoriesResolver } from './territories.resolver';
import { TerritoriesService } from './territories.service';
import { TerritoryImportService } from './territory-import.service';
import { Territory } from './territory.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Territory])],
  providers: [TerritoriesService, TerritoriesResolver, TerritoryImportService],
  exports: [TerritoriesService, TerritoryImportService],
})
export class TerritoriesModule {}
