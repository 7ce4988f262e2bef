import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ForumPost } from './post.entity';

/** An immutable version of a post (number 1 is the original). */
@ObjectType('PostRevision')
@Entity('forum_post_revision')
@Index(['postId', 'number'], { unique: true })
export class ForumPostRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  postId: number;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'postId' })
  post?: ForumPost;

  @Field(() => Int)
  @Column({ type: 'integer' })
  number: number;

  @Field({ description: 'Markdown source of this version.' })
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
