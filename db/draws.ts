/**
 * The encoding of the `draws` table's values (see schema.ts): an entry's resampled values as Float64
 * little-endian bytes, NaN where undefined. One codec for the writers (scripts) and the readers (src/lib).
 */

/** Resampled values as stored. */
export function encodeDraws(values: Float64Array): Buffer {
  const bytes = Buffer.alloc(values.length * 8);
  values.forEach((value, i) => bytes.writeDoubleLE(value, i * 8));
  return bytes;
}

/** Whether this machine keeps a Float64Array's bytes little-endian, as stored (every machine Node runs on today). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** Stored resampled values back to numbers. */
export function decodeDraws(bytes: Uint8Array): Float64Array {
  // A view of the stored bytes where they are aligned (SQLite hands each blob over in its own buffer), else one
  // copy into aligned memory; never a read per value: a dry run decodes every entry's values. Values are only read.
  if (LITTLE_ENDIAN) {
    if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Float64Array(copy.buffer);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < values.length; i++) values[i] = buffer.readDoubleLE(i * 8);
  return values;
}
