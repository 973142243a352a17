/** Whole-file writes that a crash cannot leave half-done: write a temporary beside the target, then rename. */
import fs from "node:fs";

/** Writes `contents` to `file` atomically (readers see the old file or the new one, never a part). */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}
