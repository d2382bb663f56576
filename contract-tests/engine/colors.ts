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

/** Colours only for a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Colors {
  return stream.isTTY && !env['NO_COLOR'] ? ansiColors : plainColors;
}
