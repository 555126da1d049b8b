export { grievance } from './grievance';
export { mediationArbitration } from './mediation-arbitration';
export { legalAid } from './legal-aid';
export { wageNegotiation } from './wage-negotiation';
export { openPlannedWageRounds } from './wage-plan-opener';
export { calendarSweep } from './calendar-sweep';
export { housekeeping } from './housekeeping';
