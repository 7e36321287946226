import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FIELD, editorExtensions } from './extensions';

let schema: Schema | undefined;

export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions());
  return schema;
}

export interface DocumentSuggestion {
  id: string;
  /** 1-based position among the suggestions, i.e. its number. */
  number: number;
  text: string;
}

export function yDocToJSON(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), editorSchema()).toJSON() as JSONContent;
}

export function jsonToYDoc(json: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(editorSchema(), json, BODY_FIELD);
}

/** Plain text with blocks separated by newlines (for search and versions). */
export function plainText(json: JSONContent): string {
  const blocks: string[] = [];
  const walk = (node: JSONContent, into: string[]): void => {
    if (node.type === 'text') {
      into.push(node.text ?? '');
      return;
    }
    if (node.type === 'hardBreak') {
      into.push('\n');
      return;
    }
    const isTextBlock = node.type === 'paragraph' || node.type === 'heading';
    if (isTextBlock) {
      const parts: string[] = [];
      node.content?.forEach((child) => walk(child, parts));
      blocks.push(parts.join(''));
      return;
    }
    node.content?.forEach((child) => walk(child, into));
  };
  walk(json, []);
  return blocks.join('\n');
}

/** The suggestions of a document, in order, with their numbers and text. */
export function documentSuggestions(json: JSONContent): DocumentSuggestion[] {
  const found: DocumentSuggestion[] = [];
  const walk = (node: JSONContent): void => {
    if (node.type === 'suggestion') {
      const id = node.attrs?.id as string | null;
      if (id) found.push({ id, number: found.length + 1, text: plainText(node) });
      return;
    }
    node.content?.forEach(walk);
  };
  walk(json);
  return found;
}

/** Evidence ids cited in the document, with the cited passage text. */
export function documentCitations(json: JSONContent): { evidenceId: string; text: string }[] {
  const found: { evidenceId: string; text: string }[] = [];
  const walk = (node: JSONContent): void => {
    const mark = node.marks?.find((m) => m.type === 'evidenceCitation');
    if (node.type === 'text' && mark?.attrs?.evidenceId) {
      const last = found[found.length - 1];
      if (last && last.evidenceId === mark.attrs.evidenceId) last.text += node.text ?? '';
      else found.push({ evidenceId: mark.attrs.evidenceId as string, text: node.text ?? '' });
    }
    node.content?.forEach(walk);
  };
  walk(json);
  return found;
}

/** Replaces the whole body of `doc` with `json`, as one Yjs transaction (a new change, not a rewrite). */
export function replaceBody(doc: Y.Doc, json: JSONContent, origin?: unknown): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(BODY_FIELD);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema(), json, fragment);
  }, origin);
}

/**
 * Brings the suggestion blocks of a document in line with the suggestion rows (added, edited,
 * reordered or deleted through the forms rather than in the editor): blocks without a row go,
 * rows without a block get one after the last suggestion, a block whose text differs gets the
 * row's text, and the blocks follow the rows' order. Other content is left alone.
 */
export function applySuggestionRows(doc: Y.Doc, rows: { id: string; text: string }[], origin?: unknown): boolean {
  const fragment = doc.getXmlFragment(BODY_FIELD);
  const blockText = (element: Y.XmlElement) =>
    element
      .toArray()
      .map((child) => (child instanceof Y.XmlElement ? child.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''))
      .join('\n');
  const newBlock = (id: string, text: string) => {
    const block = new Y.XmlElement('suggestion');
    block.setAttribute('id', id);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    block.insert(0, [paragraph]);
    return block;
  };
  const suggestionAt = () =>
    fragment
      .toArray()
      .map((node, index) => ({ node, index }))
      .filter((e): e is { node: Y.XmlElement; index: number } => e.node instanceof Y.XmlElement && e.node.nodeName === 'suggestion');
  const wanted = new Map(rows.map((r) => [r.id, r.text]));
  const current = suggestionAt();
  const inOrder = current.map((e) => e.node.getAttribute('id'));
  const sameOrder = inOrder.length === rows.length && rows.every((r, i) => inOrder[i] === r.id);
  const sameText = current.every((e) => blockText(e.node) === wanted.get(e.node.getAttribute('id') ?? ''));
  if (sameOrder && sameText) return false;
  doc.transact(() => {
    const existing = suggestionAt();
    const insertAt = existing.length ? existing[0].index : fragment.length;
    const kept = new Map<string, Y.XmlElement>();
    for (const { node } of existing) {
      const id = node.getAttribute('id') ?? '';
      if (wanted.has(id) && blockText(node) === wanted.get(id)) kept.set(id, node.clone());
    }
    for (const { index } of [...existing].reverse()) fragment.delete(index, 1);
    fragment.insert(
      Math.min(insertAt, fragment.length),
      rows.map((r) => kept.get(r.id) ?? newBlock(r.id, r.text)),
    );
  }, origin);
  return true;
}
