/** The inputs fingerprint covers the writer's code wherever its stages live: every module rebuild and submit reach. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stageFolders } from "../../../../scripts/pipeline/fingerprint.ts";
import { readSourceFiles } from "../../../support/layering.ts";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

/** The modules of scripts/ that `commands` import, directly or through each other. */
function reachedFrom(commands: readonly string[]): Set<string> {
  const imports = new Map(readSourceFiles(ROOT, ["scripts"]).map((f) => [f.file, f.imports]));
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const edge of imports.get(file) ?? []) if (edge.target?.startsWith("scripts/")) visit(edge.target);
  };
  commands.forEach(visit);
  return reached;
}

describe("stageFolders", () => {
  it("lists a folder of every module below scripts/ that rebuild and submit reach, and no dev-tool folder", () => {
    const folders = stageFolders();
    const stages = [...reachedFrom(["scripts/rebuild.ts", "scripts/submit.ts", "scripts/verify.ts"])].filter((file) => file.split("/").length > 2);
    expect(stages.length).toBeGreaterThan(20);
    for (const file of stages) expect(folders.some((folder) => file.startsWith(`${folder}/`)), file).toBe(true);
    expect(folders.filter((folder) => /^scripts\/(?:dev|bench|golden)$/.test(folder))).toEqual([]);
  });
});
