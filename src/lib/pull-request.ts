/**
 * The pull request a commit's subject names, as GitHub writes it when merging: "Merge pull request #123 from
 * owner/branch" (a merge commit) or "Title (#123)" (a squash merge). Commit text is untrusted: only these two exact
 * forms on one line count, the number must be a plain positive integer, and anything else is null.
 */

const MAX_SUBJECT = 1000;
const MERGE = /^Merge pull request #([1-9][0-9]{0,8}) from [A-Za-z0-9][A-Za-z0-9._/-]*$/;
const SQUASH = /^\S.* \(#([1-9][0-9]{0,8})\)$/;

/** The pull request number a merge or squash commit's subject names, or null. */
export function pullRequestOf(subject: string): number | null {
  if (subject.length === 0 || subject.length > MAX_SUBJECT || /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(subject)) return null;
  const match = MERGE.exec(subject) ?? SQUASH.exec(subject);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A link to a pull request of the repository at `repositoryUrl` (https://github.com/<owner>/<name>). */
export function pullRequestUrl(repositoryUrl: string, pullRequest: number): string {
  return `${repositoryUrl}/pull/${pullRequest}`;
}

/**
 * The repository the site is built from, when the build says so (GitHub Actions sets GITHUB_SERVER_URL and
 * GITHUB_REPOSITORY; AIGVE_REPOSITORY_URL overrides), validated as a plain https URL of owner/name; else null.
 */
export function repositoryUrl(env: Record<string, string | undefined> = process.env): string | null {
  const explicit = env.AIGVE_REPOSITORY_URL;
  const url = explicit ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined);
  return url !== undefined && /^https:\/\/[a-z0-9.-]+\/[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(url) ? url : null;
}
