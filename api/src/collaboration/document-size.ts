import { ERROR_CODES } from '@jianyan/shared';
import * as Y from 'yjs';

/** Close reason a client receives when its update would take the document past the limit. */
export const DOCUMENT_TOO_LARGE = ERROR_CODES.documentTooLarge;

/** Refuses the update: Hocuspocus closes the connection with this code and reason, before applying it. */
export class DocumentTooLargeError extends Error {
  readonly code = 4413;
  readonly reason: string;

  constructor(maxBytes: number) {
    super(`the document would exceed ${maxBytes} bytes`);
    this.reason = JSON.stringify({ code: DOCUMENT_TOO_LARGE, maxBytes });
  }
}

/**
 * Keeps documents within `maxBytes` of encoded Yjs state. An upper bound of each live document's
 * size (its encoded state when first seen plus every update since) spares encoding the whole
 * document for most updates; near the limit the size is measured exactly. An update that would
 * grow a document past the limit is refused; one that shrinks it never is, so an oversized
 * document can still be cut down.
 */
export class DocumentSizeGuard {
  private readonly bounds = new WeakMap<Y.Doc, number>();

  constructor(private readonly maxBytes: number) {}

  check(doc: Y.Doc, update: Uint8Array): void {
    const bound = this.bound(doc);
    if (bound + update.length <= this.maxBytes) return;
    const current = Y.encodeStateAsUpdate(doc).length;
    this.bounds.set(doc, current);
    const after = Y.mergeUpdates([Y.encodeStateAsUpdate(doc), update]).length;
    if (after > this.maxBytes && after > current) throw new DocumentTooLargeError(this.maxBytes);
  }

  private bound(doc: Y.Doc): number {
    const known = this.bounds.get(doc);
    if (known !== undefined) return known;
    this.bounds.set(doc, Y.encodeStateAsUpdate(doc).length);
    doc.on('update', (update: Uint8Array) => this.bounds.set(doc, (this.bounds.get(doc) ?? 0) + update.length));
    return this.bounds.get(doc)!;
  }
}
