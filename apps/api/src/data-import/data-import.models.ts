import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An official open-data file Essaim can import (docs/data-sources.md).' })
export class DataImportSourceInfo {
  @Field({ description: 'What `npm run data:import -- <key> <file>` takes.' })
  key: string;

  @Field()
  name: string;

  @Field()
  producer: string;

  @Field()
  url: string;

  @Field()
  licence: string;

  @Field({ description: 'Which file to download.' })
  fileHint: string;

  @Field(() => [String], { description: 'Indicator codes it writes (empty for reference data).' })
  indicators: string[];
}

@ObjectType()
export class DataImportCount {
  @Field()
  what: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class DataImportRowError {
  @Field(() => Int)
  line: number;

  @Field()
  message: string;
}

@ObjectType({ description: 'One run of an import and its report.' })
export class DataImportRun {
  @Field(() => ID)
  id: string;

  @Field()
  source: string;

  @Field()
  vintage: string;

  @Field({ description: 'RUNNING, DONE, FAILED (nothing written) or REPLACED (a later import of the same vintage replaced it).' })
  status: string;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rowsSkipped: number;

  @Field(() => String, { nullable: true, description: 'Why nothing was written.' })
  message: string | null;

  @Field(() => [String], { description: 'Header expected (when the header did not match).' })
  headerExpected: string[];

  @Field(() => [String], { description: 'Header found (when it did not match).' })
  headerFound: string[];

  @Field(() => [DataImportCount], { description: 'Values written per indicator.' })
  written: DataImportCount[];

  @Field(() => [String], { description: 'Territory codes of the file unknown to Essaim (at most 200 listed).' })
  unknownTerritoryCodes: string[];

  @Field(() => Int)
  unknownTerritoryCount: number;

  @Field(() => [DataImportRowError], { description: 'Rows in error (at most 200 listed).' })
  errors: DataImportRowError[];

  @Field(() => Int)
  errorCount: number;

  @Field(() => [String])
  notes: string[];

  @Field(() => String, { nullable: true })
  importedBy: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
