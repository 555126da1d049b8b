/**
 * An action a kind puts under a permission of its own is refused to a role without it, before the command goes
 * anywhere: actOnCase checks it for the JSON route and the page alike. No kind uses one yet, so the test gives one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { actOnCase } from '../../api/services/cases';
import { kindOfCaseNo } from '../../workflows/kinds';

const caseNo = 'GQ0123456789';
const handUp = kindOfCaseNo(caseNo)!.actions.handUp;

afterEach(() => {
  delete handUp.permission;
});

describe('an action under a permission of its own', () => {
  it('is refused in zh-CN to a role the permission does not name, before any workflow is asked', async () => {
    handUp.permission = 'calendar.edit';
    // no Temporal client: the refusal comes first, so nothing is sent
    const sent = actOnCase(undefined as never, caseNo, { action: 'handUp', actor: { role: 'street_caseworker', name: '社工', unitId: 's-beishan' }, payload: { reason: '涉及人数多' } });
    await expect(sent).rejects.toMatchObject({ statusCode: 403, message: '您的角色无权设置节假日安排' });
  });
});
