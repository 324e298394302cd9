import type { HealthBand, RelationshipHealth } from '@rapport/domain';

/**
 * A customer's health as GraphQL's RelationshipHealth: score and band are columns of the customer;
 * the document (trend, factors, next best action) is there when the read selected it, else it is
 * loaded by key when one of its fields is asked for.
 */
export interface StoredHealth {
  score: number;
  band: HealthBand;
  customer: { workspaceId: string; id: string };
  document?: RelationshipHealth;
  /** The document's next best action alone, when read without the document. */
  nextBestAction?: string;
}
