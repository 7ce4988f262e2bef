import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ImportError {
  @Field(() => Int, { description: 'Line number in the file (1 is the header).' })
  line: number;

  @Field()
  message: string;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int, { description: 'Values written: 0 on a dry run and whenever a line has an error (all-or-nothing).' })
  imported: number;

  @Field(() => [ImportError])
  errors: ImportError[];

  @Field()
  dryRun: boolean;

  @Field(() => Int, { description: 'Data lines without error (those a real import would write when there is no error at all).' })
  valid: number;
}
