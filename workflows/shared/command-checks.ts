/**
 * The order in which every kind's rules refuse a command, so that each answers alike: an unknown action, a closed
 * case, the wrong stage, the wrong person, then the payload. Each refusal is a typed domain error with a zh-CN message.
 */
import { domainError } from './domain-error';
import type { Actor } from './roles';

export interface KindRules<A extends string, C extends { action: A; actor: Actor }, S extends { stage: string }> {
  labels: Record<A, string>;
  validAtStage(action: A, s: S): boolean;
  stageRefusal(action: A, s: S): string;
  /** why this actor may not, or null */
  refusal(action: A, s: S, actor: Actor): string | null;
  validatePayload(cmd: C, s: S, actor: Actor): void;
}

export function assertCommandWith<A extends string, C extends { action: A; actor: Actor }, S extends { stage: string }>(
  cmd: C, s: S, rules: KindRules<A, C, S>,
): void {
  if (!cmd || typeof cmd.action !== 'string' || !Object.hasOwn(rules.labels, cmd.action)) throw domainError('ActionNotAllowed', '未知的操作');
  if (s.stage === 'closed') throw domainError('CaseClosed', '该案件已办结，不能再操作');
  if (!rules.validAtStage(cmd.action, s)) throw domainError('ActionNotAllowed', rules.stageRefusal(cmd.action, s));
  const why = cmd.actor && typeof cmd.actor.role === 'string' ? rules.refusal(cmd.action, s, cmd.actor) : '当前用户无权操作';
  if (why) throw domainError('RoleNotPermitted', why);
  rules.validatePayload(cmd, s, cmd.actor);
}
