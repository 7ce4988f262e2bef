import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../accounts/user.entity';
import { TerritoriesModule } from '../territories/territories.module';
import { Territory } from '../territories/territory.entity';
import { Project } from '../wiki/project.entity';
import { ComparisonCsvController } from './comparison-csv.controller';
import { ComparisonResolver, ComparisonRowResolver } from './comparison.resolver';
import { ComparisonService } from './comparison.service';
import { BenchmarkDemoSeeder } from './demo/benchmark-demo.seeder';
import { IndicatorImportService } from './import/indicator-import.service';
import { IndicatorValue } from './indicator-value.entity';
import { IndicatorValuesResolver } from './indicator-values.resolver';
import { IndicatorValuesService } from './indicator-values.service';
import { Indicator } from './indicator.entity';
import { IndicatorsResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';
import { MaturityAssessment } from './maturity-assessment.entity';
import { MaturityResolver } from './maturity.resolver';
import { MaturityService } from './maturity.service';
import { PeerList } from './peer-list.entity';
import { PeerListsResolver } from './peer-lists.resolver';
import { PeerListsService } from './peer-lists.service';
import { PeerProjectsService } from './peer-projects.service';
import { PeersService } from './peers.service';

/**
 * Benchmarking between territories: indicator catalogue, figures (with history and CSV
 * import), peer groups, comparison, maturity self-assessment, CSV export. See docs/benchmark.md.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Indicator, IndicatorValue, MaturityAssessment, PeerList, Territory, User, Project]), TerritoriesModule],
  controllers: [ComparisonCsvController],
  providers: [
    IndicatorsService,
    IndicatorValuesService,
    IndicatorImportService,
    PeersService,
    PeerListsService,
    ComparisonService,
    MaturityService,
    PeerProjectsService,
    IndicatorsResolver,
    IndicatorValuesResolver,
    ComparisonResolver,
    ComparisonRowResolver,
    MaturityResolver,
    PeerListsResolver,
    BenchmarkDemoSeeder,
  ],
  exports: [IndicatorsService, ComparisonService, IndicatorValuesService],
})
export class BenchmarkModule {}
