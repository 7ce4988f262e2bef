import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { diffWordsWithSpace } from 'diff';

export enum DiffKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(DiffKind, { name: 'DiffKind' });

@ObjectType()
export class DiffChunk {
  @Field(() => DiffKind)
  kind: DiffKind;

  @Field()
  text: string;
}

@ObjectType()
export class RevisionDiff {
  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [DiffChunk])
  chunks: DiffChunk[];
}

/** Word-by-word comparison (spaces and line breaks kept, so the text reads as written). */
export function diffTexts(before: string, after: string): DiffChunk[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? DiffKind.ADDED : change.removed ? DiffKind.REMOVED : DiffKind.UNCHANGED,
    text: change.value,
  }));
}
