/**
 * Colours for people in the editor (avatar, caret, selection). Six-digit hex (the Yjs caret
 * plugin needs it), dark enough for white text on it, and far from each other.
 */
export const PRESENCE_COLORS = [
  '#2f5573',
  '#2f6b43',
  '#8a4b08',
  '#6b3fa0',
  '#0f766e',
  '#b3261e',
  '#1d4ed8',
  '#a21caf',
  '#4d7c0f',
  '#c2410c',
  '#0369a1',
  '#9c2f4a',
] as const;

/** The same colour for the same person on every screen and every visit (FNV-1a hash of the user id). */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length];
}

/** First character of a name, for an avatar (Chinese family name, or a Latin initial). */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toUpperCase();
}
