// Checks a request body against Google's Sheets v4 discovery document (copied here): unknown fields, wrong JSON types and enum values are refused in Google's words.
// Imported, not read from disk by path: the bench bundles this fake elsewhere (dist/bench) and the JSON goes with it.
import document from './sheets.v4.schema.json';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
}

interface Discovery {
  schemas: Record<string, Schema>;
  parameters: Record<string, unknown>;
  resources: { spreadsheets: { methods: Record<string, { parameters: Record<string, unknown> }> } };
}

/** Google's Sheets API v4 discovery document (revision 20260921, prose descriptions removed). */
const DISCOVERY = document as unknown as Discovery;

/** Google reports paths in the proto's snake_case: requests[0].repeat_cell.cell.user_entered_format. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function check(schema: Schema, value: unknown, path: string, type: string): string | null {
  if (schema.$ref) {
    const target = DISCOVERY.schemas[schema.$ref];
    if (!target) return `Unknown schema ${schema.$ref}`;
    return check(target, value, path, schema.$ref);
  }
  if (value === null || value === undefined) return null;
  const wrongType = () =>
    `Invalid value at '${path}' (${schema.type}${schema.format ? `, ${schema.format}` : ''}), ${JSON.stringify(value)}`;
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value))
        return `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${type}), ${JSON.stringify(value)}`;
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const field = schema.properties?.[key] ?? schema.additionalProperties;
        const at = path ? `${path}.${snake(key)}` : snake(key);
        if (!field)
          return `Invalid JSON payload received. Unknown name "${key}" at '${path}': Cannot find field.`;
        const problem = check(field, item, at, type);
        if (problem) return problem;
      }
      return null;
    }
    case 'array': {
      if (!Array.isArray(value)) return wrongType();
      for (const [index, item] of value.entries()) {
        const problem = check(schema.items ?? {}, item, `${path}[${index}]`, type);
        if (problem) return problem;
      }
      return null;
    }
    case 'string':
      if (typeof value !== 'string') return wrongType();
      if (schema.enum && !schema.enum.includes(value))
        return `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${type}), ${JSON.stringify(value)}`;
      return null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : wrongType();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : wrongType();
    case 'boolean':
      return typeof value === 'boolean' ? null : wrongType();
    default:
      return null;
  }
}

/** The first way `body` breaks schema `name` (e.g. BatchUpdateSpreadsheetRequest), or null when Google would take it. */
export function invalidBody(name: string, body: unknown): string | null {
  return check({ $ref: name }, body, '', name);
}

/** The first query parameter spreadsheets.<method> does not know (standard ones such as fields included), or null. */
export function unknownParameter(method: string, args: object | undefined): string | null {
  const known = {
    ...DISCOVERY.parameters,
    ...(DISCOVERY.resources.spreadsheets.methods[method]?.parameters ?? {}),
  };
  for (const key of Object.keys(args ?? {}))
    if (!(key in known))
      return `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter.`;
  return null;
}
