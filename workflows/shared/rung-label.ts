/** What a rung of an escalation ladder does, in the words of the case's events and of the supervisors' account. Pure. */
import type { RungTarget } from '../../temporal.config';
import { ROLE_LABELS } from './roles';

export function rungLabel(target: RungTarget): string {
  if (target === 'assignee') return '提醒承办人';
  if (target === 'street_chair') return '上报街道工会主席';
  if (target === 'district_staff') return '上报区总工会权益保障部';
  if ('userId' in target) return `提醒指定的${ROLE_LABELS[target.role]}`;
  return `上报${target.at === 'street' ? '街道' : '区'}的${ROLE_LABELS[target.role]}`;
}
