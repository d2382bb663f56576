/** The js-yaml functions the spec pipeline uses (js-yaml ships no types; @types/js-yaml is not worth a dependency for this). */
declare module 'js-yaml' {
  export interface DumpOptions {
    /** Write repeated objects in full instead of as YAML anchors/aliases. */
    noRefs?: boolean;
    lineWidth?: number;
  }
  export function dump(value: unknown, options?: DumpOptions): string;
  /** YAML 1.2's core schema: the same scalars the `yaml` package resolves by default. */
  export const CORE_SCHEMA: unknown;
  export interface LoadOptions {
    schema?: unknown;
    /** True lets a later duplicate key override an earlier one; false (the default) throws. */
    json?: boolean;
  }
  export function load(text: string, options?: LoadOptions): unknown;
  const jsYaml: { dump: typeof dump; load: typeof load; CORE_SCHEMA: unknown };
  export default jsYaml;
}
