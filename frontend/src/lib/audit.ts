/** Columns the server keeps for itself (identifiers, search keys): not worth showing people. */
export function isInternalField(field: string): boolean {
  return field === 'id' || field.startsWith('search_');
}

export type Formatter = (value: unknown) => string;

/** A recorded value as text: empty ones as ∅, objects as JSON. */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One recorded change: `[old, new]` pairs read "old → new"; a created value reads as itself. */
export function describeChange(value: unknown, format: Formatter = plainValue): string {
  if (Array.isArray(value) && value.length === 2) return `${format(value[0])} → ${format(value[1])}`;
  return format(value);
}
