import type { CSSProperties } from 'react';
import { initialOf } from './colors';
import { usePresence, type CollabSession } from './collab';
import { EDITOR_TEST_IDS } from './testids';
import type { EditorText } from './useEditorText';

/** The people in the document now: a coloured avatar and the name of each (oneself first). */
export function Presence({ session, t }: { session: CollabSession; t: EditorText }) {
  const people = usePresence(session);
  return (
    <ul className="pe-presence" aria-label={t('presence.label')}>
      {people.map((person) => (
        <li
          key={person.id}
          className="pe-person"
          data-testid={EDITOR_TEST_IDS.presenceUser}
          data-self={person.isSelf ? 'true' : undefined}
          data-initial={initialOf(person.name)}
          title={person.isSelf ? t('presence.you', { name: person.name }) : person.name}
          style={{ '--user-color': person.color } as CSSProperties}
        >
          {person.name}
        </li>
      ))}
    </ul>
  );
}
