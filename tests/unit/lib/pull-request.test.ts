import { describe, expect, it } from "vitest";
import { pullRequestOf, pullRequestUrl, repositoryUrl } from "../../../src/lib/pull-request.ts";

describe("pullRequestOf", () => {
  it("reads GitHub's merge and squash subjects", () => {
    expect(pullRequestOf("Merge pull request #123 from someone/add-my-metric")).toBe(123);
    expect(pullRequestOf("Add MyVQA-7B on TVGE (#45)")).toBe(45);
  });

  it("is null for subjects that only look alike", () => {
    for (const subject of [
      "Merge branch 'wt-verify'",
      "Fix #123",
      "Merge pull request #0 from a/b",
      "Merge pull request #0123 from a/b",
      "Merge pull request #1234567890 from a/b",
      "Merge pull request #12 from a/b and more",
      "Add (#12) in the middle",
      "(#12)",
      "Add a thing (#12)\nwith a second line",
      "Add a thing (#12)\u202e",
      `${"x".repeat(1000)} (#12)`,
      "",
    ]) {
      expect(pullRequestOf(subject), JSON.stringify(subject)).toBeNull();
    }
  });
});

describe("repositoryUrl", () => {
  it("comes from GitHub Actions' variables or an explicit URL, and only as a plain https repository URL", () => {
    expect(repositoryUrl({ GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "org/aigve" })).toBe("https://github.com/org/aigve");
    expect(repositoryUrl({ AIGVE_REPOSITORY_URL: "https://github.com/org/aigve" })).toBe("https://github.com/org/aigve");
    expect(repositoryUrl({ AIGVE_REPOSITORY_URL: "javascript:alert(1)//x/y" })).toBeNull();
    expect(repositoryUrl({})).toBeNull();
    expect(pullRequestUrl("https://github.com/org/aigve", 7)).toBe("https://github.com/org/aigve/pull/7");
  });
});
