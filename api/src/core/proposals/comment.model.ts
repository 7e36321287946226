import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from './comment.entity';

@ObjectType('CommentAnchor', { description: 'The passage of the body an anchored thread is about (a commentAnchor mark)' })
export class CommentAnchorModel {
  @Field(() => ID, { description: 'The threadId of the commentAnchor mark' })
  threadId!: string;

  @Field({ description: 'The text selected when the thread started' })
  quote!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The marked text now (as last saved); null until the mark has reached the saved body; the last text seen when detached',
  })
  currentText!: string | null;

  @Field({ description: 'The marked text was deleted from the body: the thread stays, without a place in the text' })
  detached!: boolean;
}

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

  @Field(() => CommentAnchorModel, { nullable: true, description: 'Set on the first comment of a thread anchored to a passage of the body' })
  anchor!: CommentAnchorModel | null;

  authorId!: string;
  resolvedById!: string | null;
  mentions!: string[];

  static from(entity: CommentEntity): CommentModel {
    const { anchorThreadId, anchorQuote, anchorText, anchorDetached, ...rest } = entity;
    const anchor =
      anchorThreadId && anchorQuote !== null
        ? Object.assign(new CommentAnchorModel(), { threadId: anchorThreadId, quote: anchorQuote, currentText: anchorText, detached: anchorDetached })
        : null;
    return Object.assign(new CommentModel(), rest, { anchor });
  }
}
