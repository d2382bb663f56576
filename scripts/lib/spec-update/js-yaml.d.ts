/** The one js-yaml function spec:update uses (js-yaml ships no types; @types/js-yaml is not worth a dependency for this). */
declare module 'js-yaml' {
  export interface DumpOptions {
    /** Write repeated objects in full instead of as YAML anchors/aliases. */
    noRefs?: boolean;
    lineWidth?: number;
  }
  export function dump(value: unknown, options?: DumpOptions): string;
  const jsYaml: { dump: typeof dump };
  export default jsYaml;
}
