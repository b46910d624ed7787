/** A form's checks run all at once: each field's first failing check, as `validation.ts` writes them. */
import type { Check, CheckResult } from './validation';

/** The problem of each field whose value fails one of its checks (the first that fails). */
export function firstProblems(fields: Record<string, readonly [string, readonly Check[]]>): Record<string, CheckResult> {
  const problems: Record<string, CheckResult> = {};
  for (const [name, [value, checks]] of Object.entries(fields)) {
    for (const check of checks) {
      const problem = check(value);
      if (problem) {
        problems[name] = problem;
        break;
      }
    }
  }
  return problems;
}
