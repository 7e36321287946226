import { Actor } from '../../common/graphql-context';
import { UserEntity } from '../users/user.entity';

/** A person as the visibility rules see her, outside any request. */
export function actorOf(user: UserEntity): Actor {
  return { userId: user.id, sessionId: '', role: user.role, organizationId: user.organizationId, displayName: user.displayName };
}
