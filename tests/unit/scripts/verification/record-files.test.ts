import path from "node:path";
import { describe, expect, it } from "vitest";
import { evidencePath, keyOfPath, recordPath } from "../../../../scripts/verification/record-files.ts";

describe("record files", () => {
  const data = path.join("/tmp", "data");
  const key = { benchmark: "fetv", direction: "v2t", entry: "my-metric" } as const;

  it("files a record under its kind, benchmark and direction, and reads the entry back from the place", () => {
    const file = recordPath(data, "verifications", key);
    expect(file).toBe(path.join(data, "verifications", "fetv", "v2t", "my-metric.json"));
    expect(keyOfPath(data, "verifications", file)).toEqual(key);
  });

  it("keeps a V2T re-run as JSON lines and a T2V panel's ratings as CSV beside the record", () => {
    expect(path.basename(evidencePath(data, key))).toBe("my-metric.evidence.jsonl");
    expect(path.basename(evidencePath(data, { ...key, direction: "t2v" }))).toBe("my-metric.evidence.csv");
  });

  it("says a misplaced record has no entry", () => {
    expect(keyOfPath(data, "withdrawals", path.join(data, "withdrawals", "fetv", "my-metric.json"))).toBeNull();
    expect(keyOfPath(data, "withdrawals", path.join(data, "withdrawals", "fetv", "x2y", "my-metric.json"))).toBeNull();
  });
});
