import { describe, expect, it } from "vitest";
import { provenanceOf } from "../../../src/lib/entry-records.ts";

describe("provenanceOf", () => {
  const submitted = { submitted: true, publishedOnly: false, submissionId: "a".repeat(64) };

  it("calls a submitted entry self-reported until a verification of that very submission exists", () => {
    expect(provenanceOf(submitted, null)).toBe("self-reported");
    expect(provenanceOf(submitted, { submissionId: "a".repeat(64) })).toBe("verified");
  });

  it("does not carry a verification over to a resubmission (another content hash)", () => {
    expect(provenanceOf(submitted, { submissionId: "b".repeat(64) })).toBe("self-reported");
  });

  it("calls the benchmark's own entries computed, or published where only published figures exist, whatever a record says", () => {
    expect(provenanceOf({ submitted: false, publishedOnly: false, submissionId: null }, null)).toBe("computed");
    expect(provenanceOf({ submitted: false, publishedOnly: true, submissionId: null }, { submissionId: "x" })).toBe("published");
  });
});
