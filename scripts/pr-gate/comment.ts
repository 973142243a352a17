/**
 * The pull request comment of a submission check: a hidden marker (so one comment is found and updated), the gate's
 * verdict, and the dry run's report verbatim in a code fence longer than any backtick run inside it, so no text of
 * the bundle (an entry name, a file name) can close the fence and render as Markdown.
 */
import type { GateVerdict } from "./check-changes.ts";

/** The hidden marker the comment workflow looks for to update its one comment. */
export const COMMENT_MARKER = "<!-- aigve-submission-check -->";

/** GitHub refuses comments over 65,536 characters; the report is cut well before, saying so. */
export const MAX_REPORT_CHARS = 60_000;

/** A code fence around text: one backtick more than its longest run, at least three. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.endsWith("\n") ? text : `${text}\n`}${fence}`;
}

/** What the comment says about one check: the verdict, and the dry run when the gate let the bundle through. */
export interface CheckReport {
  readonly verdict: GateVerdict;
  /** The dry run's output (stdout then stderr), or null when it did not run. */
  readonly dryRun: { readonly output: string; readonly exitCode: number } | null;
}

/** The comment body: marker, verdict, then the dry-run report. */
export function commentBody(report: CheckReport): string {
  const { verdict, dryRun } = report;
  const lines = [COMMENT_MARKER];
  if (!verdict.accepted) {
    lines.push("### Submission check: refused", "", "This pull request is not a single submission bundle:", "", ...verdict.refusals.map((r) => `- ${r.replaceAll("\n", " ")}`));
    lines.push("", "See CONTRIBUTING.md: a submission pull request adds one folder `data/submissions/<benchmark>/<t2v|v2t>/<entry id>/` and nothing else.");
    return `${lines.join("\n")}\n`;
  }
  const passed = dryRun !== null && dryRun.exitCode === 0;
  lines.push(`### Submission check: ${passed ? "dry run passed" : "dry run refused the bundle"}`, "", `Bundle: \`${verdict.bundle}\``, "", "Dry-run report (`node scripts/submit.ts <bundle> --dry-run`):", "");
  const output = dryRun?.output ?? "";
  const cut = output.length > MAX_REPORT_CHARS ? `${output.slice(0, MAX_REPORT_CHARS)}\n… (report cut at ${MAX_REPORT_CHARS} characters; the workflow's artifact has all of it)\n` : output;
  lines.push(fenced(cut));
  return `${lines.join("\n")}\n`;
}
