/**
 * PostgreSQL refuses U+0000 in text and jsonb. Input is checked long before it gets here, but a transition that can
 * never be written would be retried for ever and hold its case still; so, as a last line, NUL becomes U+FFFD.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}
