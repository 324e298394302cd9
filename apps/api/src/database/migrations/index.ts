import { Foundation1764000000000 } from './1764000000000-foundation';
import { Relationships1764200000000 } from './1764200000000-relationships';

/** Every migration, oldest first. Landed migrations are never edited; add a new one. */
export const migrations = [Foundation1764000000000, Relationships1764200000000];
