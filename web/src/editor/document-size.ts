import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { ERROR_CODES } from '@jianyan/shared';
import * as Y from 'yjs';

/**
 * What Yjs spends on an inserted node or text run besides its text and attributes (item ids,
 * origins, parent, type name): generously rounded up, so that the estimate errs on the large side.
 */
const BYTES_PER_NODE = 32;

const utf8 = new TextEncoder();

/** An estimate of the encoded Yjs bytes a local transaction adds (its inserted content; deletions add ~nothing). */
export function bytesAddedBy(tr: Transaction): number {
  let bytes = 0;
  for (const step of tr.steps) {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) continue;
    step.slice.content.descendants((node) => {
      bytes += BYTES_PER_NODE;
      if (node.isText) bytes += utf8.encode(node.text ?? '').length;
      else bytes += JSON.stringify(node.attrs).length;
      if (node.marks.length) bytes += JSON.stringify(node.marks.map((mark) => mark.toJSON())).length;
    });
  }
  return bytes;
}

/**
 * An upper bound of a Yjs document's encoded size: its exact size when last measured plus every
 * update since (local and remote), the way the server keeps it. Measured exactly again only when
 * the bound comes near the limit, so typing far from it costs nothing.
 */
export class DocumentSizeBound {
  private bound: number | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.grow);
  }

  /** Whether adding `bytes` would take the document past `maxBytes`. */
  wouldExceed(bytes: number, maxBytes: number): boolean {
    if (this.bound === null || this.bound + bytes > maxBytes) this.bound = Y.encodeStateAsUpdate(this.doc).length;
    return this.bound + bytes > maxBytes;
  }

  private readonly grow = (update: Uint8Array) => {
    if (this.bound !== null) this.bound += update.length;
  };
}

/** The limit in a close reason `{"code":"DOCUMENT_TOO_LARGE","maxBytes":N}`, or null for any other reason. */
export function documentTooLargeLimit(reason: unknown): number | null {
  if (typeof reason !== 'string' || !reason.includes(ERROR_CODES.documentTooLarge)) return null;
  try {
    const parsed = JSON.parse(reason) as { code?: unknown; maxBytes?: unknown };
    return parsed.code === ERROR_CODES.documentTooLarge && typeof parsed.maxBytes === 'number' ? parsed.maxBytes : null;
  } catch {
    return null;
  }
}

/** What the editor needs to know about the limit, and whom to tell of a refused change. */
export interface DocumentSizeLimitSource {
  /** The server's limit, once known; null: not known yet (the server still checks). */
  readonly maxBytes: number | null;
  readonly size: DocumentSizeBound;
  /** A local change was refused before reaching the document. */
  refuseTooLarge(): void;
}

/**
 * Refuses a local change (typing, paste, drop, a command) whose content would take the document
 * past the server's limit, before it reaches Yjs: the server would refuse the update and close the
 * document. Remote changes and the first sync come from Yjs (y-tiptap marks them) and always pass;
 * so do deletions, which add nothing.
 */
export const DocumentSizeLimit = Extension.create<{ source: DocumentSizeLimitSource | null }>({
  name: 'documentSizeLimit',
  addOptions: () => ({ source: null }),
  addProseMirrorPlugins() {
    const source = this.options.source;
    return [
      new Plugin({
        key: new PluginKey('documentSizeLimit'),
        filterTransaction: (tr) => {
          const maxBytes = source?.maxBytes ?? null;
          if (!source || maxBytes === null || !tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
          const added = bytesAddedBy(tr);
          if (added === 0 || !source.size.wouldExceed(added, maxBytes)) return true;
          source.refuseTooLarge();
          return false;
        },
      }),
    ];
  },
});

/** 4 MB, 64 KB: the limit as people read it. */
export function sizeLabel(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
