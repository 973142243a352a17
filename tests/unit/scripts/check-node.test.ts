import { describe, expect, it } from "vitest";
import { isSupportedNode, unsupportedNodeMessage } from "../../../scripts/check-node.mjs";

describe("isSupportedNode", () => {
  it("accepts 22.12.0 and anything newer, with or without a leading v", () => {
    for (const version of ["22.12.0", "v22.12.0", "22.12.1", "22.13.0", "v23.0.0", "24.21.0", "v100.0.0"]) {
      expect(isSupportedNode(version), version).toBe(true);
    }
  });

  it("rejects anything older than 22.12.0", () => {
    for (const version of ["22.11.9", "v22.11.0", "22.0.0", "v20.20.2", "18.19.0", "v0.10.48"]) {
      expect(isSupportedNode(version), version).toBe(false);
    }
  });

  it("compares numerically, not as text", () => {
    expect(isSupportedNode("22.9.0")).toBe(false);
    expect(isSupportedNode("22.100.0")).toBe(true);
    expect(isSupportedNode("9.99.99")).toBe(false);
  });

  it("treats missing parts as zero", () => {
    expect(isSupportedNode("23")).toBe(true);
    expect(isSupportedNode("22.12")).toBe(true);
    expect(isSupportedNode("22")).toBe(false);
  });

  it("accepts the Node running these tests", () => {
    expect(isSupportedNode(process.version)).toBe(true);
  });
});

describe("unsupportedNodeMessage", () => {
  it("names the required and the actual version and how to get Node 24", () => {
    const message = unsupportedNodeMessage("v20.20.2");
    expect(message).toContain("needs Node >= 22.12.0, but this is Node v20.20.2");
    expect(message).toContain("node_modules/.bin");
    expect(message).toContain("npm install");
  });
});
