/**
 * Characters refused in titles and names: C0 and C1 controls (tab and line breaks included: a title is
 * one line), DEL, the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * and the direction marks (U+200E, U+200F, U+061C), which make a title display as another text
 * than it is (a right-to-left override turns "invoice_exe.pdf" around).
 */
// eslint-disable-next-line no-control-regex
const TITLE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Reason code sent with BAD_USER_INPUT (extensions.reason) when a title or name holds such characters. */
export const CONTROL_CHARACTERS_REASON = 'CONTROL_CHARACTERS';

export function hasForbiddenTitleCharacters(text: string): boolean {
  return TITLE_FORBIDDEN.test(text);
}

/** The text without those characters (for names that arrive outside a form, such as an uploaded file's). */
export function withoutForbiddenTitleCharacters(text: string): string {
  return text.replace(new RegExp(TITLE_FORBIDDEN.source, 'g'), '');
}
