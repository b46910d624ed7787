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
  return (root === 'body' ? rest : error.loc ?? []).join('.');
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

/** Whether a form showing `shownFields` displays the error of `path` (nested paths included). */
export function isShown(path: string, shownFields: readonly string[]): boolean {
  return shownFields.some((field) => path === field || path.startsWith(`${field}.`));
}

/** Messages that no form field shows (to display above the form). */
export function otherErrors(problem: Problem | undefined, shownFields: readonly string[]): string[] {
  if (!problem) return [];
  if (!problem.errors?.length) return [problem.detail || problem.title];
  return problem.errors
    .filter((error) => !isShown(fieldPath(error), shownFields))
    .map((error) => {
      const path = fieldPath(error);
      return path ? `${path} : ${error.message}` : error.message;
    });
}
