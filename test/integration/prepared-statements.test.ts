/**
 * Marked statements go to Postgres as named prepared statements, once per connection (db/prepared-statements.ts): a
 * new case's creation and the staff session lookup; any other statement as before, unnamed.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseAtOnce } from '../../activities/persistence/create-case-at-once';
import type { NewCaseFacts, Transition } from '../../activities/types';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { staffBySessionHash } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { seedDemo } from '../../db/seed/seed-demo';
import { createDatabase, dropDatabase } from '../helpers/system';

const name = `gq_test_prepared_${randomBytes(4).toString('hex')}`;
/** One connection, so that what it prepared can be read in the same session. */
let db: Kysely<Database>;

beforeAll(async () => {
  db = createDb(await createDatabase(process.env.DATABASE_URL!, name), 1);
  await migrateToLatest(db);
  await seedDemo(db);
});

afterAll(async () => {
  await db?.destroy();
  await dropDatabase(process.env.DATABASE_URL!, name);
});

const AT = new Date(Date.UTC(2026, 11, 7, 8)).toISOString();
const creation = (caseNo: string): Transition & { createCase: NewCaseFacts } => ({
  caseNo, at: AT,
  createCase: {
    kind: 'grievance', workflowId: `grievance-${caseNo}`, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
    enterpriseName: '西湖精密机械有限公司', category: 'unpaid_wages', complainantName: '张三', complainantPhone: '13812345678',
    description: '拖欠工资', claimedFen: 1_200_000, workerCount: 3, createdAt: AT, stage: 'contact', level: 'street',
  },
  events: [{ key: `grievance-${caseNo}#1`, seq: 1, type: 'filed', actor: '张三', actorRole: 'worker', summary: '职工提交诉求', data: {}, at: AT }],
  openTask: { taskId: `grievance-${caseNo}/contact/1`, kind: 'contact', title: '联系职工', role: 'street_caseworker', unitId: 's-beishan', department: null, dueAt: AT },
});

const prepared = async () => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by name`.execute(db)).rows;

describe('prepared statements', () => {
  it('prepares a new case’s creation once, for every case after the first, and writes each case', async () => {
    expect(await createCaseAtOnce(db, creation('GQPREP0001'))).toBe(true);
    expect(await createCaseAtOnce(db, creation('GQPREP0002'))).toBe(true);
    expect(await createCaseAtOnce(db, creation('GQPREP0002'))).toBe(false);
    const creations = (await prepared()).filter((p) => p.statement.includes('new_case'));
    expect(creations).toHaveLength(1);
    expect(creations[0].name).toMatch(/^gq_prepared_\d+$/);
    const written = await db.selectFrom('tasks').select('case_no').where('case_no', 'in', ['GQPREP0001', 'GQPREP0002']).execute();
    expect(written).toHaveLength(2);
  });

  it('prepares the staff session lookup, and leaves unmarked statements unnamed', async () => {
    expect(await staffBySessionHash(db, 'no-such-session')).toBeUndefined();
    expect(await staffBySessionHash(db, 'no-such-session-either')).toBeUndefined();
    const all = await prepared();
    expect(all.filter((p) => p.statement.includes('sessions'))).toHaveLength(1);
    // The seed's and the tests' own statements ran too: only the two marked ones are prepared.
    expect(all).toHaveLength(2);
  });
});
