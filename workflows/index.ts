export { grievance } from './grievance';
