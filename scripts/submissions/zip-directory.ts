/**
 * Reads a zip's central directory without inflating anything, so every entry can be checked (name, type, size)
 * before a single byte is decompressed. fflate's unzip filter does not expose the entry type, which we need
 * to refuse symlinks.
 */

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly originalSize: number;
  /** The CRC-32 of the unpacked bytes, as the archive declares it. */
  readonly crc32: number;
  readonly compression: number;
  readonly isDirectory: boolean;
  readonly isSymlink: boolean;
  readonly isEncrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const UNIX = 3;

/** The entries of a zip, or an error message when the archive is not a zip we can read. */
export function readZipDirectory(data: Uint8Array): { entries: ZipEntry[] } | { error: string } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - 65535; at -= 1) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { error: "is not a zip archive (no end-of-central-directory record)" };
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return { error: "is a ZIP64 archive, which is too large for a bundle" };
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) {
      return { error: `is damaged: central directory entry ${i + 1} of ${count} is missing` };
    }
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const compression = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const originalSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    if (at + 46 + nameLength > data.length) return { error: `is damaged: the name of entry ${i + 1} is cut off` };
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    const mode = madeBy === UNIX ? (external >>> 16) & S_IFMT : 0;
    entries.push({
      name,
      compressedSize,
      originalSize,
      crc32,
      compression,
      // MS-DOS attribute 0x10 or a trailing slash marks a folder; the Unix mode is checked too.
      isDirectory: name.endsWith("/") || mode === S_IFDIR || (external & 0x10) !== 0,
      isSymlink: mode === S_IFLNK,
      isEncrypted: (flags & 1) !== 0,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}
