// A tiny JSON Schema checker for the subset the AIC OpenAPI spec uses in its promotion
// schemas: $ref, type, properties, required, enum, items. No new packages needed.

export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  [other: string]: unknown;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, Schema> };
}

interface OpenApiResponse {
  content?: Record<string, { schema?: Schema }>;
}

export interface Findings {
  errors: string[];
  /** Properties present in the value but not declared (the spec allows them; we list them). */
  extras: string[];
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function resolve(schema: Schema, spec: OpenApiSpec): Schema {
  if (!schema.$ref) return schema;
  const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name ? spec.components.schemas[name] : undefined;
  if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
  return resolve(target, spec);
}

export function check(
  schemaOrRef: Schema,
  value: unknown,
  spec: OpenApiSpec,
  path = "$",
  findings: Findings = { errors: [], extras: [] },
): Findings {
  const schema = resolve(schemaOrRef, spec);
  const actual = typeOf(value);
  if (schema.type) {
    const fits = schema.type === actual || (schema.type === "number" && actual === "integer");
    if (!fits) {
      findings.errors.push(`${path}: expected ${schema.type}, got ${actual}`);
      return findings;
    }
  }
  if (schema.enum && !schema.enum.includes(value))
    findings.errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in object)) findings.errors.push(`${path}: missing required ${key}`);
    }
    if (schema.properties) {
      for (const [key, item] of Object.entries(object)) {
        const property = schema.properties[key];
        if (property) check(property, item, spec, `${path}.${key}`, findings);
        else findings.extras.push(`${path}.${key}`);
      }
    }
  }
  if (actual === "array" && schema.items) {
    (value as unknown[]).forEach((item, i) => {
      check(schema.items as Schema, item, spec, `${path}[${i}]`, findings);
    });
  }
  return findings;
}

/** The spec's path template for a concrete path; literal segments win over parameters. */
export function specPathFor(spec: OpenApiSpec, path: string): string | undefined {
  const templates = Object.keys(spec.paths).sort(
    (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
  );
  return templates.find((template) => {
    const pattern = template
      .split("/")
      .map((segment) =>
        /^\{.+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
      )
      .join("/");
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** The response schema the spec declares for a method, path template and status. */
export function responseSchema(
  spec: OpenApiSpec,
  template: string,
  method: string,
  status: number,
): Schema | undefined {
  const operation = spec.paths[template]?.[method.toLowerCase()];
  const response = operation?.responses[String(status)] ?? operation?.responses.default;
  return response?.content?.["application/json"]?.schema;
}
