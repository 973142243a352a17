/** Bad input, reported all at once: every problem names its file, and its line and field where known. */
import type { z } from "zod";
import { escapeTerminal } from "./terminal-text.ts";

/** One problem in one input file. */
export interface Problem {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

/** Renders a problem as `file:line: field "x": message`, on one line, whatever its parts quote (see terminal-text.ts). */
export function formatProblem(problem: Problem): string {
  const file = escapeTerminal(problem.file);
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  const field = problem.field ? ` field "${escapeTerminal(problem.field)}":` : "";
  return `${where}:${field} ${escapeTerminal(problem.message)}`;
}

/** How many problems a message lists: the first ones show the pattern, the rest would drown it. */
export const SHOWN_PROBLEMS = 50;

/** The first problems, one per line (indented), then how many more there are. */
export function formatProblems(problems: readonly Problem[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  ${formatProblem(p)}`);
  const more = problems.length > SHOWN_PROBLEMS ? [`  … and ${(problems.length - SHOWN_PROBLEMS).toLocaleString("en")} more problem(s)`] : [];
  return [...shown, ...more].join("\n");
}

/** An error carrying every problem found, so the user fixes them in one round. */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the input:\n${formatProblems(problems)}`);
    this.name = "InputError";
    this.problems = problems;
  }
}

/** Turns zod issues into problems at one file and line. */
export function problemsFromZod(file: string, line: number | undefined, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    ...(line === undefined ? {} : { line }),
    ...(issue.path.length > 0 ? { field: issue.path.join(".") } : {}),
    message: issue.message,
  }));
}

/** Throws one InputError when any problems were collected. */
export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Untrusted text quoted for a message: in double quotes, with every control, format (zero-width, bidi) and
 * unpaired surrogate character made a visible escape (see terminal-text.ts), and cut after `max` characters, so
 * that echoing it can neither drive the terminal nor pass one string off as another.
 */
export function quoted(text: string, max = 120): string {
  const cut = [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;
  return `"${escapeTerminal(cut.replace(/["\\]/g, "\\$&"))}"`;
}
