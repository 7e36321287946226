import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { FOLLOW, IS_FOLLOWING, UNFOLLOW, type FollowTargetType } from './graphql';
import { NOTIFICATION_TEST_IDS } from './testids';
import { useNotificationsText } from './useNotificationsText';

/**
 * Follow / unfollow a proposal, a suggestion, a district or a program: status changes and adoptions
 * then reach the bell (and e-mail). For programs and districts pages too: `<FollowButton targetType="program" targetId={id} />`.
 */
export function FollowButton({ targetType, targetId, className }: { targetType: FollowTargetType; targetId: string; className?: string }) {
  const text = useNotificationsText();
  const variables = { targetType, targetId };
  const { data } = useQuery(IS_FOLLOWING, { variables });
  const [failed, setFailed] = useState(false);
  const [follow, following] = useMutation(FOLLOW, {
    update: (cache) => cache.writeQuery({ query: IS_FOLLOWING, variables, data: { isFollowing: true } }),
  });
  const [unfollow, unfollowing] = useMutation(UNFOLLOW, {
    update: (cache) => cache.writeQuery({ query: IS_FOLLOWING, variables, data: { isFollowing: false } }),
  });
  if (!data) return null;
  const isFollowing = data.isFollowing;

  async function toggle() {
    setFailed(false);
    try {
      const input = { input: { targetType, targetId } };
      if (isFollowing) await unfollow({ variables: input });
      else await follow({ variables: input });
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <button
        type="button"
        className={`button button-small ${isFollowing ? '' : 'button-primary'} ${className ?? ''}`.trim()}
        aria-pressed={isFollowing}
        title={isFollowing ? text('follow.unfollow') : text('follow.followHint')}
        disabled={following.loading || unfollowing.loading}
        onClick={() => void toggle()}
        data-testid={NOTIFICATION_TEST_IDS.followButton}
        data-target-type={targetType}
      >
        {isFollowing ? text('follow.following') : text('follow.follow')}
      </button>
      {failed && (
        <span role="alert" className="field-error">
          {text('follow.failed')}
        </span>
      )}
    </>
  );
}
