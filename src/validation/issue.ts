/**
 * The shapes of the precompiled validators and of the problems they report. They match Ajv's
 * `ValidateFunction` and `ErrorObject` structurally, so the client needs no Ajv at run time or in its
 * published types: the validators in generated/ are plain code, and only the contract kit compiles
 * schemas.
 */

/** One way a value fails its schema (Ajv's `ErrorObject` shape). */
export interface ValidationIssue {
  /** The rule that failed: `type`, `required`, `pattern`, `const`… */
  keyword: string;
  /** JSON pointer to the failing value inside the validated document. */
  instancePath: string;
  /** JSON pointer to the failing rule inside the schema. */
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
  /** Present when the validator was compiled verbose (the rule's value, its schema and the data). */
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

/** A precompiled validator: true when the value conforms, otherwise its problems are in `errors`. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ValidationIssue[] | null;
}

/** A format the validators check by function (Ajv's `FormatDefinition` for numbers). */
export interface NumberFormat {
  type: 'number';
  validate: (n: number) => boolean;
}
