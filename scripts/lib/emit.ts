/**
 * How spec text enters generated TypeScript: only as data. Strings go through JSON.stringify, keys
 * are bare only when they are plain identifiers, comments cannot be closed or broken from inside,
 * and the few places that need a real identifier (argument and type names) refuse anything else.
 * spec-identifiers.ts refuses such specs earlier with a JSON pointer; these are the last line.
 */
import { RESERVED_WORDS } from '../../contract-tests/spec/reserved-words.js';
import { printable } from '../../contract-tests/spec/spec-file.js';

/** A bare identifier: safe to emit as a key, a method name or (if not reserved) an argument. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key or method name: bare when it is an identifier, otherwise a JSON string literal. */
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** `name`, which the caller writes as code (an argument or type name); throws unless it is a plain, unreserved identifier. */
export function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name) || RESERVED_WORDS.has(name)) {
    throw new Error(
      `${what} ${printable(JSON.stringify(name))} cannot be written as code: it must be a plain identifier (${IDENTIFIER.source})`,
    );
  }
  return name;
}

/** Every line terminator JavaScript knows, not only '\n'. */
export const LINE_TERMINATORS = /\r\n|[\n\r\u2028\u2029]/;

/** Text for one line inside a block comment: cannot close it (`*\/`) and cannot break the line. */
export const commentText = (text: string): string => text.replace(/\*\//g, '*\\/').replace(new RegExp(LINE_TERMINATORS, 'g'), ' ');
