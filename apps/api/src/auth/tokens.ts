import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe: for session cookies and links handed out. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Only this digest is stored, so a leaked table grants nothing. */
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();
