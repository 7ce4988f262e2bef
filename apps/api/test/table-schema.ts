import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';

/**
 * A small Frictionless Table Schema validator for CSV (what the published project schema
 * needs): header = the schema's field names in order; per cell, `missingValues`, the field
 * `type` (string, integer, number, boolean, array as JSON), `format` (uuid, email), and the
 * constraints `required`, `enum`, `pattern` (anchored, as Table Schema says), `unique` for the
 * primary key. Each row is checked with ajv against a JSON Schema built from the fields.
 */
interface TableField {
  name: string;
  type: string;
  format?: string;
  items?: { type?: string; format?: string };
  constraints?: { required?: boolean; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number; unique?: boolean };
}
export interface TableSchema {
  fields: TableField[];
  missingValues?: string[];
  primaryKey?: string | string[];
}

export function validateCsv(schema: TableSchema, csv: string): string[] {
  const problems: string[] = [];
  const rows: string[][] = parse(csv, { bom: true, relax_column_count: true });
  if (rows.length === 0) return ['empty file'];
  const [header, ...data] = rows;
  const names = schema.fields.map((f) => f.name);
  if (header.join('|') !== names.join('|')) problems.push(`header ${JSON.stringify(header)} differs from schema fields ${JSON.stringify(names)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const jsonSchema = {
    type: 'object',
    required: schema.fields.filter((f) => f.constraints?.required).map((f) => f.name),
    properties: Object.fromEntries(schema.fields.map((f) => [f.name, fieldSchema(f)])),
  };
  const validate = ajv.compile(jsonSchema);
  const keys = new Set<string>();
  const primaryKey = typeof schema.primaryKey === 'string' ? schema.primaryKey : null;
  data.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== names.length) problems.push(`line ${line}: ${cells.length} cells for ${names.length} fields`);
    const record: Record<string, unknown> = {};
    schema.fields.forEach((field, index) => {
      const raw = cells[index] ?? '';
      if (missing.has(raw)) return;
      const value = cast(field, raw);
      if (value === undefined) problems.push(`line ${line}: ${field.name} is not a valid ${field.type}: ${JSON.stringify(raw)}`);
      else record[field.name] = value;
    });
    if (!validate(record))
      for (const e of validate.errors ?? [])
        problems.push(`line ${line}: ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    if (primaryKey) {
      const key = String(record[primaryKey]);
      if (keys.has(key)) problems.push(`line ${line}: duplicate primary key ${key}`);
      keys.add(key);
    }
  });
  return problems;
}

function fieldSchema(field: TableField): Record<string, unknown> {
  const c = field.constraints ?? {};
  const scalar = (type: string | undefined, format: string | undefined) => {
    const out: Record<string, unknown> = { type: type === 'integer' ? 'integer' : type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string' };
    if (format && format !== 'default') out.format = format;
    return out;
  };
  const base =
    field.type === 'array'
      ? { type: 'array', ...(field.items ? { items: scalar(field.items.type, field.items.format) } : {}) }
      : scalar(field.type, field.format);
  return {
    ...base,
    ...(c.enum ? { enum: c.enum } : {}),
    ...(c.pattern ? { pattern: `^(?:${c.pattern.replace(/^\^/, '').replace(/\$$/, '')})$` } : {}),
    ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
    ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
  };
}

/** Table Schema physical → logical values; undefined when the cell cannot be read as the type. */
function cast(field: TableField, raw: string): unknown {
  switch (field.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'number':
      return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      return ['true', 'True', 'TRUE', '1'].includes(raw) ? true : ['false', 'False', 'FALSE', '0'].includes(raw) ? false : undefined;
    case 'array':
      try {
        const value = JSON.parse(raw);
        return Array.isArray(value) ? value : undefined;
      } catch {
        return undefined;
      }
    default:
      return raw;
  }
}
