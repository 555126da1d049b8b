import { ApplicationFailure } from '@temporalio/common';

/**
 * Typed domain errors. The message is already zh-CN because it goes to the person who tried the action; the type name
 * is what the API maps to an HTTP status (api/errors).
 */
export const DOMAIN_ERRORS = {
  ActionNotAllowed: 409,
  RoleNotPermitted: 403,
  InvalidPayload: 400,
  CaseClosed: 409,
} as const;
export type DomainErrorType = keyof typeof DOMAIN_ERRORS;

export function domainError(type: DomainErrorType, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
