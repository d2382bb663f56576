/** Order, payment and subscription identifiers, recognised by the spec's own id schemas. */
import {
  isOrderNumber as orderNumberValidator,
  ORDER_NUMBER_PATTERN as PATTERN,
  isUuid as uuidValidator,
} from '../generated/param-validators.js';

export type IdKind = 'uuid' | 'orderNumber';

/** True for a UUID (as `format: uuid` in the spec defines it). */
export function isUuid(value: unknown): value is string {
  return uuidValidator(value) as boolean;
}

/** True for an order number such as `#ABC123DEF456` (the spec's order-number pattern). */
export function isOrderNumber(value: unknown): value is string {
  return orderNumberValidator(value) as boolean;
}

/** Which kind of identifier `value` is, or undefined when it is neither. */
export function idKind(value: unknown): IdKind | undefined {
  if (isUuid(value)) return 'uuid';
  if (isOrderNumber(value)) return 'orderNumber';
  return undefined;
}

/**
 * Longest id accepted in a path. The spec's id schemas top out at 36 characters (a UUID) and about
 * 40 (`#` + 32 characters + a `-n` suffix); 100 leaves room for ids the spec leaves untyped while
 * stopping a pasted document or URL from becoming a path.
 */
export const MAX_ID_LENGTH = 100;

/** The order-number pattern, for messages and for building valid test data. */
export const ORDER_NUMBER_PATTERN: string = PATTERN;
