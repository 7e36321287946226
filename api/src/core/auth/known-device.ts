import { randomBytes } from 'node:crypto';

export const DEVICE_COOKIE = 'jy_device';
/** How long a browser stays a known device for the accounts that signed in on it. */
export const DEVICE_COOKIE_DAYS = 180;
/** Accounts remembered per browser (a shared office computer), most recent first. */
const MAX_ACCOUNTS = 5;
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;
const USER_ID = /^[0-9a-f-]{36}$/;

/**
 * A browser where accounts signed in before: the signed `jy_device` cookie holds a random device
 * id and those accounts' ids. Its sign-in attempts for those accounts are counted on their own,
 * so strangers elsewhere (or at the same address) cannot lock the owner out of her own device.
 */
export interface KnownDevice {
  id: string;
  userIds: string[];
}

/** Reads the (already signature-checked) cookie value; anything malformed is no known device. */
export function parseKnownDevice(value: unknown): KnownDevice | null {
  if (typeof value !== 'string') return null;
  const [id, users = ''] = value.split('.', 2);
  const userIds = users.split(',').filter((u) => USER_ID.test(u));
  return DEVICE_ID.test(id) && userIds.length > 0 ? { id, userIds } : null;
}

/** The device after `userId` signed in on it: a new device id for a browser without one. */
export function rememberAccount(device: KnownDevice | null, userId: string): KnownDevice {
  const others = (device?.userIds ?? []).filter((u) => u !== userId);
  return { id: device?.id ?? randomBytes(16).toString('base64url'), userIds: [userId, ...others].slice(0, MAX_ACCOUNTS) };
}

export function knownDeviceCookieValue(device: KnownDevice): string {
  return `${device.id}.${device.userIds.join(',')}`;
}
