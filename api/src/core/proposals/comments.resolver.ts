import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { PersonSummary } from '../users/user.model';
import { CommentModel } from './comment.model';
import { CommentsService } from './comments.service';
import { ProposalLoaders } from './proposal-loaders';
import { AddCommentInput } from './proposal.inputs';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly loaders: ProposalLoaders,
  ) {}

  @Mutation(() => CommentModel, { description: 'Owners, co-authors and reviewers; a reply joins the thread of its parent' })
  async addComment(@CurrentActor() actor: Actor, @Args('input') input: AddCommentInput): Promise<CommentModel> {
    return CommentModel.from(await this.comments.add(actor, input));
  }

  @Mutation(() => CommentModel, { description: 'Resolves the comment’s thread; returns its first comment' })
  async resolveCommentThread(@CurrentActor() actor: Actor, @Args('commentId', { type: () => ID }) commentId: string): Promise<CommentModel> {
    return CommentModel.from(await this.comments.setResolved(actor, commentId, true));
  }

  @Mutation(() => CommentModel, { description: 'Reopens the comment’s thread; returns its first comment' })
  async unresolveCommentThread(@CurrentActor() actor: Actor, @Args('commentId', { type: () => ID }) commentId: string): Promise<CommentModel> {
    return CommentModel.from(await this.comments.setResolved(actor, commentId, false));
  }

  @ResolveField(() => PersonSummary)
  author(@Parent() comment: CommentModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(comment.authorId);
  }

  @ResolveField(() => [PersonSummary])
  async mentions(@Parent() comment: CommentModel, @Context() context: GraphQLContext): Promise<PersonSummary[]> {
    return this.loaders.person(context).loadMany(comment.mentions).then((users) => users.filter((u): u is PersonSummary => !(u instanceof Error)));
  }

  @ResolveField(() => PersonSummary, { nullable: true })
  async resolvedBy(@Parent() comment: CommentModel, @Context() context: GraphQLContext): Promise<PersonSummary | null> {
    return comment.resolvedById ? this.loaders.person(context).load(comment.resolvedById) : null;
  }

  @ResolveField(() => [CommentModel], { description: 'Replies in the thread, oldest first (empty for a reply)' })
  async replies(@Parent() comment: CommentModel, @Context() context: GraphQLContext): Promise<CommentModel[]> {
    if (comment.parentId) return [];
    const all = await this.loaders.comments(context).load(comment.proposalId);
    return all.filter((c) => c.parentId === comment.id).map(CommentModel.from);
  }
}
