/**
 * The repository's rules for its GitHub Actions workflows, beyond what the schema linter checks: every action pinned by
 * a full commit SHA; no `pull_request_target`; and a job that can get a write token checks out nothing (so it
 * cannot run a pull request's files). Pure: a workflow's text in, the broken rules out (with line numbers).
 */

/** One broken rule: the line (1-based) and what is wrong. */
export interface PolicyProblem {
  readonly line: number;
  readonly message: string;
}

const USES = /^\s*(?:-\s+)?uses:\s*["']?([^"'\s#]+)["']?\s*(#.*)?$/;
const WRITE = /^\s*[a-z-]+:\s*write\s*$|^\s*permissions:\s*write-all\s*$/;

/**
 * For each line, whether the job it belongs to can get a write token: a write permission at the top of the file
 * applies to every job, one inside a job (`jobs:` children start at two spaces) to that job.
 */
function writeScopes(lines: readonly string[]): boolean[] {
  const jobsAt = lines.findIndex((line) => /^jobs:\s*$/.test(line));
  const preamble = jobsAt < 0 ? lines : lines.slice(0, jobsAt);
  const topWrite = preamble.some((line) => WRITE.test(line));
  const scopes = lines.map(() => topWrite);
  if (jobsAt < 0) return scopes;
  let start = jobsAt + 1;
  for (let i = jobsAt + 1; i <= lines.length; i += 1) {
    if (i === lines.length || /^ {2}[A-Za-z0-9_-]+:\s*$/.test(lines[i] ?? "")) {
      const write = topWrite || lines.slice(start, i).some((line) => WRITE.test(line));
      for (let j = start; j < i; j += 1) scopes[j] = write;
      start = i;
    }
  }
  return scopes;
}

/** The rules a workflow file breaks, in line order. */
export function workflowProblems(text: string): PolicyProblem[] {
  const lines = text.split("\n");
  const problems: PolicyProblem[] = [];
  const canWrite = writeScopes(lines);
  lines.forEach((line, i) => {
    const at = i + 1;
    if (/^\s*pull_request_target\s*:/.test(line) || /^\s*on:\s*\[?[^#]*\bpull_request_target\b/.test(line) || /^\s*-\s*pull_request_target\s*$/.test(line)) {
      problems.push({ line: at, message: "pull_request_target runs with a write token next to the pull request's files: use pull_request plus a workflow_run comment job" });
    }
    const uses = USES.exec(line);
    if (!uses) return;
    const [, ref = "", comment] = uses;
    if (ref.startsWith("./") || ref.startsWith("docker://")) return;
    if (!/@[0-9a-f]{40}$/.test(ref)) problems.push({ line: at, message: `${ref} is not pinned by a full commit SHA` });
    else if (!comment) problems.push({ line: at, message: `${ref} has no version comment (e.g. "# v4.2.2") beside its SHA` });
    if (canWrite[i] && /^actions\/checkout@/.test(ref)) problems.push({ line: at, message: "a job that can get a write token must not check out code" });
  });
  return problems;
}
