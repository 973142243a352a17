import { describe, expect, it } from "vitest";
import { chunkRows } from "../../../src/lib/board-rows.ts";

describe("chunkRows", () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ id: `row-${i}`, pad: "x".repeat(80) }));
  const bytes = (chunk: readonly unknown[]) => chunk.reduce<number>((sum, row) => sum + JSON.stringify(row).length + 1, 0);

  it("keeps every row once and in order", () => {
    expect(chunkRows(rows, 300).flat()).toEqual(rows);
  });

  it("keeps each chunk under the limit", () => {
    const chunks = chunkRows(rows, 300);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(bytes(chunk)).toBeLessThanOrEqual(300);
  });

  it("puts a row longer than the limit alone in its chunk rather than losing it", () => {
    expect(chunkRows(rows, 10)).toEqual(rows.map((row) => [row]));
  });
});
