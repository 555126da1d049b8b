/**
 * Where an enterprise's grievances go (its street and district), remembered for a minute per process. Every filing
 * for a known enterprise asked Postgres for it (bench/: a query is a round trip whose writes and wake-ups cost the API
 * and Postgres more CPU on this VM than the lookup itself); enterprises and the streets they are in change only through
 * the seed and administration, so a minute's delay before a move routes new cases the new way is acceptable. Only
 * enterprises found are remembered: one added is routed at once.
 */
import type { Kysely } from 'kysely';
import { findEnterpriseWithStreet } from '../../db/queries/organisation';
import type { Database } from '../../db/schema';

type Routing = NonNullable<Awaited<ReturnType<typeof findEnterpriseWithStreet>>>;

export const ROUTING_TTL_MS = 60_000;
/** More enterprises than a district federation registers; past it the oldest are forgotten first. */
const MAX_REMEMBERED = 20_000;

/** Per database: tests run several in one process, with the same enterprise ids in each. */
const remembered = new WeakMap<Kysely<Database>, Map<string, { routing: Routing; until: number }>>();

export async function enterpriseRouting(db: Kysely<Database>, id: string, now = Date.now()): Promise<Routing | undefined> {
  let known = remembered.get(db);
  if (!known) remembered.set(db, (known = new Map()));
  const hit = known.get(id);
  if (hit && hit.until > now) return hit.routing;
  known.delete(id);
  const routing = await findEnterpriseWithStreet(db, id);
  if (!routing) return undefined;
  if (known.size >= MAX_REMEMBERED) known.delete(known.keys().next().value!);
  known.set(id, { routing, until: now + ROUTING_TTL_MS });
  return routing;
}
