export { grievance } from './grievance';
export { mediationArbitration } from './mediation-arbitration';
export { legalAid } from './legal-aid';
export { calendarSweep } from './calendar-sweep';
export { housekeeping } from './housekeeping';
