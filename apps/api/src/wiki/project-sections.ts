import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsTitleText } from '../common/text/text-validators';
import { problem } from '../common/validation/problem';

/** A vendor or a piece of software used by the project. */
@ObjectType()
@InputType('ProjectVendorInput')
export class ProjectVendor {
  @Field({ description: 'Vendor, software or service name.' })
  @IsTitleText('nom du fournisseur ou logiciel', 1, 200)
  name: string;

  @Field({ description: 'True for free/open-source software.' })
  @IsBoolean()
  openSource: boolean;

  @Field(() => String, { nullable: true, description: 'Licence, e.g. "AGPL-3.0", "propriétaire".' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is used for.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  role?: string | null;
}

const TEXT = 5000;

/** What another collectivité needs to replicate the project. Plain text (line breaks kept). */
@ObjectType()
@InputType('ProjectSectionsInput')
export class ProjectSections {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  prerequisites?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  partners?: string | null;

  @Field(() => [ProjectVendor], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, problem('TOO_MANY_VENDORS'))
  @ValidateNested({ each: true })
  @Type(() => ProjectVendor)
  vendors?: ProjectVendor[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  duration?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  pitfalls?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  results?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string | null;
}

/** Normalised copy: empty strings become null, vendors an array, so snapshots compare cleanly. */
export function normaliseSections(input: Partial<ProjectSections> | null | undefined): ProjectSections {
  const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    prerequisites: text(input?.prerequisites),
    partners: text(input?.partners),
    vendors: (input?.vendors ?? []).map((v) => ({ name: v.name.trim(), openSource: !!v.openSource, licence: text(v.licence), role: text(v.role) })),
    duration: text(input?.duration),
    pitfalls: text(input?.pitfalls),
    results: text(input?.results),
    contact: text(input?.contact),
  };
}
