import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSupportedNode } from "../../scripts/check-node.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GUARD = path.join("scripts", "check-node.mjs");
const SYSTEM_NODE = "/usr/bin/node";

/** The system Node's version, or null when there is none. */
function systemNodeVersion(): string | null {
  if (!fs.existsSync(SYSTEM_NODE)) return null;
  const result = spawnSync(SYSTEM_NODE, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

function runGuard(node: string) {
  return spawnSync(node, [GUARD], { cwd: ROOT, encoding: "utf8" });
}

const systemVersion = systemNodeVersion();
const oldSystemNode = systemVersion !== null && !isSupportedNode(systemVersion);
if (!oldSystemNode) {
  console.warn(
    systemVersion === null
      ? `Skipping the old-Node case of the Node guard: ${SYSTEM_NODE} is missing.`
      : `Skipping the old-Node case of the Node guard: ${SYSTEM_NODE} is ${systemVersion}, new enough itself.`,
  );
}

describe("scripts/check-node.mjs", () => {
  it.skipIf(!oldSystemNode)(`exits 1 with a clear message under the system Node (${systemVersion ?? "missing"})`, () => {
    const result = runGuard(SYSTEM_NODE);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`needs Node >= 22.12.0, but this is Node ${systemVersion}`);
    expect(result.stderr).toContain("node_modules/.bin");
  });

  it(`exits 0 silently under the project's Node (${process.version})`, () => {
    const result = runGuard(process.execPath);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});
