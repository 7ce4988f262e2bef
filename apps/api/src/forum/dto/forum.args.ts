import { ArgsType, Field, ID, Int, registerEnumType } from '@nestjs/graphql';
import { FORUM_LIMITS, THREAD_SORTS, ThreadSort as DomainThreadSort } from '@essaim/domain';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { BODY_MESSAGE, ID_PATTERN } from './thread.input';
import { problem } from '../../common/validation/problem';

export const ThreadSort = Object.fromEntries(THREAD_SORTS.map((s) => [s, s])) as { [K in DomainThreadSort]: K };
export type ThreadSort = DomainThreadSort;
registerEnumType(ThreadSort, {
  name: 'ThreadSort',
  description: 'LATEST: latest activity first; TOP: most "utile" reactions; UNANSWERED: threads without a visible reply. Pinned threads come first.',
});

export const ID_PATTERN_ARG = ID_PATTERN;
const id = (what: string) => Matches(ID_PATTERN, problem('INVALID_ID_OF', { what }));
const body = () => [IsString(), Length(1, FORUM_LIMITS.maxPostLength, BODY_MESSAGE), Matches(/\S/, problem('POST_EMPTY'))];
const reason = () => [IsString(), Length(3, 500, problem('REPORT_REASON_LENGTH')), Matches(/\S{2}/, problem('REPORT_REASON_REQUIRED'))];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

@ArgsType()
export class ThreadListArgs extends PaginationArgs {
  @Field(() => ThreadSort, { nullable: true, defaultValue: 'LATEST' })
  @IsOptional()
  @IsIn(THREAD_SORTS, problem('UNKNOWN_THREAD_SORT'))
  sort?: ThreadSort;
}

@ArgsType()
export class ReplyArgs {
  @Field(() => ID)
  @IsString()
  @id('sujet')
  threadId: string;

  @Field()
  @apply(body())
  body: string;

  @Field(() => ID, { nullable: true, description: 'A post of the same thread quoted above this reply.' })
  @IsOptional()
  @IsString()
  @id('message cité')
  quotePostId?: string | null;
}

@ArgsType()
export class EditPostArgs {
  @Field(() => ID)
  @IsString()
  @id('message')
  id: string;

  @Field(() => Int)
  @Min(1, problem('INVALID_BASE_REVISION'))
  baseRevision: number;

  @Field()
  @apply(body())
  body: string;
}

@ArgsType()
export class PostIdArgs {
  @Field(() => ID)
  @IsString()
  @id('message')
  postId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsString()
  @id('identifiant')
  id: string;
}

@ArgsType()
export class HidePostArgs extends IdArgs {
  @Field()
  @apply(reason())
  reason: string;
}

@ArgsType()
export class FlagPostArgs extends PostIdArgs {
  @Field()
  @apply(reason())
  reason: string;
}

@ArgsType()
export class LockThreadArgs extends IdArgs {
  @Field()
  @IsBoolean()
  locked: boolean;
}

@ArgsType()
export class PinThreadArgs extends IdArgs {
  @Field()
  @IsBoolean()
  pinned: boolean;
}

@ArgsType()
export class MoveThreadArgs extends IdArgs {
  @Field(() => ID)
  @IsString()
  @id('catégorie')
  categoryId: string;
}

@ArgsType()
export class ThreadIdArgs {
  @Field(() => ID)
  @IsString()
  @id('sujet')
  threadId: string;
}

@ArgsType()
export class FlagQueueArgs extends PaginationArgs {
  @Field({ nullable: true, defaultValue: true, description: 'Only flags still waiting for a moderator.' })
  @IsOptional()
  @IsBoolean()
  openOnly?: boolean;
}
