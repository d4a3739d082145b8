import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A bearer secret (session cookie, QR login link). Only its SHA-256 is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A six-digit sign-in PIN for experts, unique per competition (checked by the caller). */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
