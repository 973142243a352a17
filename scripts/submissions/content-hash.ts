/** The content hash that identifies a submission: the same files give the same id, however they were packed. */
import { createHash } from "node:crypto";

/**
 * SHA-256 over the files sorted by name (code-unit order), each as its UTF-8 name, a NUL byte, its length
 * as 8 bytes big-endian, then its bytes: unambiguous, and independent of zip or folder, timestamps and order.
 */
export function contentHash(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash("sha256");
  const length = Buffer.alloc(8);
  for (const name of [...files.keys()].sort()) {
    const bytes = files.get(name) ?? new Uint8Array();
    hash.update(Buffer.from(name, "utf8"));
    hash.update(Buffer.from([0]));
    length.writeBigUInt64BE(BigInt(bytes.length));
    hash.update(length);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
