import { defineSignal } from '@temporalio/workflow';

/**
 * The holiday calendar changed (a district staff member set or cleared a day): sent by the calendar sweep to every open
 * case, whatever its kind. A case with statutory deadlines re-loads the calendar and moves those not yet passed; a case
 * without (or one started before the calendar was data) has nothing to do. `version` is the calendar's version then;
 * the case loads the calendar as it is when the signal is handled, which may be newer still.
 */
export const calendarChangedSignal = defineSignal<[{ version: string }]>('calendarChanged');
