import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import { notFound } from '../common/errors';
import type { DataImport } from './data-import.entity';
import { DataImportRun, DataImportSourceInfo } from './data-import.models';
import { DataImportService } from './data-import.service';
import type { ImportRunReport } from './import-report';
import { problem } from '../common/validation/problem';

@ArgsType()
class DataImportArgs {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, problem('INVALID_IMPORT_ID'))
  id: string;
}

@ArgsType()
class DataImportsArgs {
  @Field(() => Int, { nullable: true, description: 'At most 50 (default 20), newest first.' })
  @IsOptional()
  @Min(1)
  @Max(50)
  first?: number | null;
}

@Resolver()
export class DataImportResolver {
  constructor(
    private readonly imports: DataImportService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [DataImportSourceInfo], { description: 'The official files that can be imported (admin page, CLI).' })
  @Allow('ADMIN')
  dataImportSources(): DataImportSourceInfo[] {
    return this.imports.sources().map((s) => ({ ...s, indicators: [...s.indicators] }));
  }

  @Query(() => [DataImportRun], { description: 'Recent imports with their reports, newest first.' })
  @Allow('ADMIN')
  async dataImports(@Args() { first }: DataImportsArgs): Promise<DataImportRun[]> {
    return this.toRuns(await this.imports.recent(first ?? 20));
  }

  @Query(() => DataImportRun, { description: 'One import and its report.' })
  @Allow('ADMIN')
  async dataImport(@Args() { id }: DataImportArgs): Promise<DataImportRun> {
    const found = await this.imports.find(Number(id));
    if (!found) throw notFound('IMPORT_NOT_FOUND', { id });
    return (await this.toRuns([found.row]))[0];
  }

  private async toRuns(rows: DataImport[]): Promise<DataImportRun[]> {
    const ids = [...new Set(rows.map((r) => r.importedById).filter((id): id is number => id !== null))];
    const users = ids.length ? await this.dataSource.getRepository(User).findBy({ id: In(ids) }) : [];
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((row) => {
      const report = row.report ? (JSON.parse(row.report) as ImportRunReport) : null;
      return {
        id: String(row.id),
        source: row.sourceKey,
        vintage: row.vintage,
        status: row.status,
        fileName: row.fileName,
        rowsRead: row.rowsRead,
        rowsSkipped: report?.rowsSkipped ?? 0,
        message: report?.message ?? null,
        headerExpected: report?.headerError?.expected ?? [],
        headerFound: report?.headerError?.found ?? [],
        written: Object.entries(report?.written ?? {}).map(([what, count]) => ({ what, count })),
        unknownTerritoryCodes: report?.unknownTerritoryCodes ?? [],
        unknownTerritoryCount: report?.unknownTerritoryCount ?? 0,
        errors: report?.errors ?? [],
        errorCount: report?.errorCount ?? 0,
        notes: report?.notes ?? [],
        importedBy: row.importedById !== null ? (nameOf.get(row.importedById) ?? null) : row.importedVia === 'CLI' ? 'ligne de commande' : null,
        createdAt: row.createdAt,
        finishedAt: row.finishedAt,
      };
    });
  }
}
