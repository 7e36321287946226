import { Person, ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp } from '../../test-support/test-app';
import { NotificationsService } from './notifications.service';

export const NOTIFICATION_FIELDS = 'id kind proposalId suggestionId title fromStatus toStatus suggestionNumber suggestionTitle actorName createdAt readAt';
export const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount pageInfo { endCursor hasNextPage } nodes { ${NOTIFICATION_FIELDS} } }
  unreadNotificationCount
}`;
export const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { id targetType targetId } }`;
export const UNFOLLOW = `mutation($input: FollowInput!) { unfollow(input: $input) }`;
export const IS_FOLLOWING = `query($targetType: FollowTargetType!, $targetId: ID!) { isFollowing(targetType: $targetType, targetId: $targetId) }`;
export const CHANGE_SUGGESTION_STATUS = `mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { id status } }`;

/** Helpers over ProposalFixtures for the notification tests. */
export class NotificationKit {
  constructor(
    readonly t: TestApp,
    readonly f: ProposalFixtures,
  ) {}

  /** Waits until the notifications of every event so far are created and published. */
  settled(): Promise<void> {
    return this.t.app.get(NotificationsService).settled();
  }

  async feed(person: Person, variables: Record<string, unknown> = { first: 100 }) {
    await this.settled();
    return (await (await this.f.as(person)).ok(NOTIFICATIONS, variables)) as {
      notifications: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Record<string, any>[] };
      unreadNotificationCount: number;
    };
  }

  async of(person: Person, proposalId: string): Promise<Record<string, any>[]> {
    return (await this.feed(person)).notifications.nodes.filter((n) => n.proposalId === proposalId);
  }

  async follow(person: Person, targetType: string, targetId: string) {
    return (await this.f.as(person)).request(FOLLOW, { input: { targetType, targetId } });
  }

  async unfollow(person: Person, targetType: string, targetId: string) {
    return (await this.f.as(person)).ok(UNFOLLOW, { input: { targetType, targetId } });
  }

  async isFollowing(person: Person, targetType: string, targetId: string): Promise<boolean> {
    await this.settled();
    return (await (await this.f.as(person)).ok(IS_FOLLOWING, { targetType, targetId })).isFollowing;
  }

  /** A draft by 张洁 with 林晓燕 as co-author and one suggestion. */
  async draftWithCoauthor(): Promise<{ id: string; suggestionId: string }> {
    const { id } = await this.f.create();
    await this.f.addMember(id, 'linxiaoyan', 'coauthor');
    const suggestion = await this.f.addSuggestion(id);
    return { id, suggestionId: suggestion.id };
  }

  async move(proposalId: string, to: string, by: Person = 'zhangjie'): Promise<void> {
    const result = await this.f.transition(proposalId, to, by);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
}
