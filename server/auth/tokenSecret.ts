import { createHash, randomBytes } from 'node:crypto';

/** Every token starts with this, so a leaked one is recognisable by secret scanners. */
export const TOKEN_PREFIX = 'wm_';

/** A new secret: 32 random bytes (256 bits), base64url. Guessing one is hopeless, so no salt or slow hash. */
export function generateSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A token's public id: shown in listings and used to revoke; it grants nothing. */
export function generateTokenId(): string {
  return 'tok_' + randomBytes(9).toString('base64url');
}

/** What is stored instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Cheap shape check before touching storage: anything else is not one of our tokens. */
export function looksLikeSecret(s: string): boolean {
  return /^wm_[A-Za-z0-9_-]{43}$/.test(s);
}
