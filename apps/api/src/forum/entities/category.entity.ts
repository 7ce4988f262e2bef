import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Theme } from '../../common/theme.enum';

/** A forum category (GraphQL `Category`): one per theme plus "Général" and "Entraide". */
@ObjectType('Category')
@Entity('forum_category')
export class ForumCategory {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Field({ description: 'French name.' })
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => Theme, { nullable: true, description: 'The theme this category is about, if any.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  theme: Theme | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  position: number;
}
