import type { Kysely, KyselyPlugin } from 'kysely';
import type { Database } from '../../db/schema';

/** A Kysely on the same pool as `db` that counts the statements it sends (their kinds, in order). */
export function countingStatements(db: Kysely<Database>) {
  const sent: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => { sent.push(args.node.kind); return args.node; },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), sent };
}
