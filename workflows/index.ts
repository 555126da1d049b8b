export { grievance } from './grievance';
export { mediationArbitration } from './mediation-arbitration';
export { calendarSweep } from './calendar-sweep';
export { housekeeping } from './housekeeping';
