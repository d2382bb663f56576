/** Colour callbacks for the report: ANSI on a TTY, identity otherwise (CI logs, files, NO_COLOR). */

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const id = (s: string) => s;
export const plainColors: Colors = { red: id, green: id, yellow: id, bold: id, dim: id };

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ansiColors: Colors = { red: ansi(31, 39), green: ansi(32, 39), yellow: ansi(33, 39), bold: ansi(1, 22), dim: ansi(2, 22) };

/**
 * Colours for a TTY; never when NO_COLOR is set (https://no-color.org); always when FORCE_COLOR is
 * set to anything but 0 or false (CI logs render ANSI but are no TTY), and never when it is 0/false.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Colors {
  if (env['NO_COLOR']) return plainColors;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force === '0' || force === 'false' ? plainColors : ansiColors;
  return stream.isTTY ? ansiColors : plainColors;
}
