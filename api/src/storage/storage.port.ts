/**
 * Where attachment bytes live. The application talks only to this port; the default adapter keeps
 * files on the local disk under DATA_DIR/attachments, and another (e.g. S3-compatible object
 * storage) can be bound to STORAGE_PORT without touching the callers.
 */
export interface StoragePort {
  /** Stores the bytes under `key`, replacing nothing: a key is written once. */
  put(key: string, content: Buffer): Promise<void>;
  /** The bytes stored under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const STORAGE_PORT = Symbol('STORAGE_PORT');

/** Keys are lower-case slash-separated segments of letters, digits and hyphens: never a path escape. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 300) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
