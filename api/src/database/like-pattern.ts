/** Escapes LIKE wildcards (`\`, `%`, `_`) for a pattern used with ESCAPE '\' (SQLite and PostgreSQL). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
