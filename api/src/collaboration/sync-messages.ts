import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The document update carried by a Hocuspocus message, or null for messages that change
 * nothing (awareness, sync step 1, empty step 2, ...). Throws on a malformed update, so a
 * corrupt message is refused before anything is stored.
 */
export function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  const update = decoding.readVarUint8Array(decoder);
  const decoded = Y.decodeUpdate(update);
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
  return update;
}
