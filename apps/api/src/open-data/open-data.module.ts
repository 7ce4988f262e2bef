import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Territory } from '../territories/territory.entity';
import { Project } from '../wiki/project.entity';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project, Territory])],
  controllers: [OpenDataController],
  providers: [OpenDataService],
})
export class OpenDataModule {}
