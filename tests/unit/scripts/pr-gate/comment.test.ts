import { describe, expect, it } from "vitest";
import { commentBody, COMMENT_MARKER, fenced } from "../../../../scripts/pr-gate/comment.ts";

describe("the submission check comment", () => {
  it("starts with the hidden marker and carries the dry-run report verbatim", () => {
    const output = "dry run: nothing stored\nt2v  quality_mos  3.2  [3.0, 3.4]\n";
    const body = commentBody({ verdict: { accepted: true, bundle: "data/submissions/tvge/v2t/x", refusals: [] }, dryRun: { output, exitCode: 0 } });
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain(`\`\`\`text\n${output}\`\`\``);
    expect(body).toContain("dry run passed");
  });

  it("lists every refusal when the gate refused, and runs no dry run", () => {
    const body = commentBody({ verdict: { accepted: false, bundle: null, refusals: ['"scripts/a.ts" touches code', '"b" is a symbolic link'] }, dryRun: null });
    expect(body).toContain('- "scripts/a.ts" touches code\n- "b" is a symbolic link');
    expect(body).not.toContain("Dry-run report");
  });

  it("fences text with more backticks than any run inside it, so the report cannot close its fence", () => {
    expect(fenced("a ````` b")).toBe("``````text\na ````` b\n``````");
  });
});
