import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from './comment.entity';

@ObjectType('Comment', { description: 'A comment on a proposal or a suggestion; a thread is a first comment and its replies' })
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true })
  suggestionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The thread’s first comment; null for a first comment' })
  parentId!: string | null;

  @Field()
  body!: string;

  @Field({ description: 'Whether the thread is resolved (kept on its first comment)' })
  resolved!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  authorId!: string;
  resolvedById!: string | null;
  mentions!: string[];

  static from(entity: CommentEntity): CommentModel {
    return Object.assign(new CommentModel(), entity);
  }
}
