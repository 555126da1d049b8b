/** The negotiation index's tables (migration 017): the tree's versions and the values staff entered. */
import type { ColumnType } from 'kysely';
import type { Timestamp } from './schema';

export interface NegotiationIndexTreeTable {
  version: number;
  /** an IndexTree (workflows/shared/negotiation-index/types.ts); pg parses jsonb, Kysely is given a JSON string */
  tree: ColumnType<unknown, string, string>;
  saved_by: number | null;
  saved_at: Timestamp;
  note: ColumnType<string, string | undefined, string>;
}

export interface NegotiationIndexValueTable {
  enterprise_id: string;
  year: number;
  code: string;
  value: number;
  entered_by: number;
  entered_at: Timestamp;
}

export interface NegotiationIndexTables {
  negotiation_index_trees: NegotiationIndexTreeTable;
  negotiation_index_values: NegotiationIndexValueTable;
}
