import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStoreFile } from "../../../db/file.ts";

describe("buildStoreFile", () => {
  it("fills a fresh temporary with its rollback journal in memory and no syncs, leaving no journal file beside it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-file-"));
    try {
      const file = path.join(dir, "store.sqlite.tmp");
      let seen: unknown[] = [];
      buildStoreFile(file, (db) => {
        seen = [db.pragma("journal_mode", { simple: true }), db.pragma("synchronous", { simple: true }), fs.existsSync(`${file}-journal`)];
      });
      expect(seen).toEqual(["memory", 0, false]);
      expect(fs.readdirSync(dir)).toEqual(["store.sqlite.tmp"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
