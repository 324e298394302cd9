import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, oldest first. Landed migrations are never edited; add a new one. */
export const migrations = [Foundation1764000000000];
