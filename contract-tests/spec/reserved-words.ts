/** The reserved words a spec's path parameter may not be: the generator writes it as an argument name (scripts/lib/emit.ts). */

/** Words a parameter or binding may not be called (ES2022 reserved words and strict-mode restrictions). */
export const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined'
  ).split(' '),
);
