/** RFC 9457 problem documents as the Levier API sends them, and their field errors. */

export interface FieldProblem {
  loc: string[];
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
  /** On a 429: the seconds to wait. */
  retry_after?: number | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).code === 'string'
  );
}

/** Any thrown value as an ApiError (network failures become a status-0 problem). */
export function toApiError(error: unknown, fallbackDetail = 'Network error'): ApiError {
  if (error instanceof ApiError) return error;
  if (isProblem(error)) return new ApiError(error);
  const detail = error instanceof Error ? error.message : fallbackDetail;
  return new ApiError({ type: 'about:blank', title: detail, status: 0, detail, code: 'network' });
}

/** The form path of a field error: `field` when given, else `loc` without its "body" root. */
export function fieldPath(error: FieldProblem): string {
  if (error.field) return error.field;
  const [root, ...rest] = error.loc ?? [];
  return (root === 'body' || root === 'query' || root === 'path' ? rest : error.loc ?? []).join('.');
}

/** The first message for each field named by the problem (`territory.1.code` kept whole). */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const path = fieldPath(error);
    if (path && !(path in result)) result[path] = error.message;
  }
  return result;
}

/**
 * Where a form shows the API's fields: each key is a field path of the API (or its start:
 * `territory` takes `territory.1.code`), each value the form path whose input shows its
 * errors. A `*` in a key stands for one segment (a list index) and is carried to the `*` of
 * the value: `{ 'members.*.enterprise_id': 'members.*.enterprise' }`.
 */
export type FieldMap = Readonly<Record<string, string>>;

/** A field map from API field names the form shows under the same path, and renamed ones. */
export function fieldMap(names: readonly string[], renamed: FieldMap = {}): FieldMap {
  return { ...Object.fromEntries(names.map((name) => [name, name])), ...renamed };
}

/** The form path that shows the error of API path `path`, or null when no input shows it. */
export function formPathOf(path: string, fields: FieldMap): string | null {
  const segments = path.split('.');
  let best: { length: number; target: string } | null = null;
  for (const [key, target] of Object.entries(fields)) {
    const pattern = key.split('.');
    if (pattern.length > segments.length) continue;
    const captured: string[] = [];
    const matches = pattern.every((part, index) => {
      if (part === '*') captured.push(segments[index]);
      return part === '*' || part === segments[index];
    });
    if (!matches || (best && best.length >= pattern.length)) continue;
    let next = 0;
    best = { length: pattern.length, target: target.replace(/\*/g, () => captured[next++] ?? '*') };
  }
  return best?.target ?? null;
}

/** A message no input of the form shows, with the API field it is about (may be empty). */
export interface OtherError {
  field: string;
  message: string;
}

export interface MappedProblem {
  /** Form path → the first message for it, for `form.setErrors`. */
  fields: Record<string, string>;
  /** What goes above the form: errors of fields it does not show, or the problem's detail. */
  others: OtherError[];
}

/**
 * The one way a form reads a problem: every field error the form shows goes next to its
 * input (all at once), everything else above the form.
 */
export function mapProblem(problem: Problem | undefined, fields: FieldMap = {}): MappedProblem {
  const mapped: MappedProblem = { fields: {}, others: [] };
  if (!problem) return mapped;
  if (!problem.errors?.length) {
    mapped.others.push({ field: '', message: problem.detail || problem.title });
    return mapped;
  }
  for (const error of problem.errors) {
    const path = fieldPath(error);
    const target = path ? formPathOf(path, fields) : null;
    if (target === null) mapped.others.push({ field: path, message: error.message });
    else if (!(target in mapped.fields)) mapped.fields[target] = error.message;
  }
  return mapped;
}

/** The name to show for an API field path: its last segment that is not a list index. */
export function fieldName(path: string): string {
  return [...path.split('.')].reverse().find((segment) => segment && !/^\d+$/.test(segment)) ?? '';
}
