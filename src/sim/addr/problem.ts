/**
 * Building `Checked` results. A problem is phrased for a student and points
 * at the character where the input went wrong, so the widget can underline it.
 */
import type { Checked, InputProblem } from "./explorer-types";

export type Failed = { ok: false; problem: InputProblem };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** A rejected input. `offset` and `hint` are left out when unknown, keeping the value JSON-clean. */
export function fail(message: string, offset?: number, hint?: string): Failed {
  const problem: InputProblem = { message };
  if (offset !== undefined) problem.offset = offset;
  if (hint !== undefined) problem.hint = hint;
  return { ok: false, problem };
}

/** Quote a piece of the student's input inside a message. */
export function quote(text: string): string {
  return `"${text}"`;
}

/**
 * The value of a result that cannot fail, such as a literal written in code
 * (`must(parseIpv4Cidr("10.0.0.0/8"))`); throws with the problem otherwise.
 */
export function must<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  const { message, offset } = checked.problem;
  throw new Error(offset === undefined ? message : `${message} (at offset ${offset})`);
}
