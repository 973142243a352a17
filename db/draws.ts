/**
 * The encoding of the `draws` table's values (see schema.ts): an entry's resampled values as Float32
 * little-endian bytes, NaN where undefined. One codec for the writers (scripts) and the readers (src/lib).
 *
 * Float32, not Float64: resampled values only feed rank intervals, separability and paired verdicts, where
 * seven significant digits are far beyond the bootstrap's own noise, and the store's largest table halves. The
 * writer rounds a value once, when it is produced (`toStoredDraws`), and ranks the rounded values, so a submit
 * ranking from stored bytes and a rebuild ranking from memory see the same numbers to the last bit.
 */

/** Bytes per stored value. */
export const DRAW_BYTES = 4;

/** Resampled values rounded to what the store keeps (Float32), as doubles again: rounding twice changes nothing. */
export function toStoredDraws(values: ArrayLike<number>): Float64Array {
  const rounded = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) rounded[i] = Math.fround(values[i] as number);
  return rounded;
}

/** Resampled values as stored (rounded to Float32). */
export function encodeDraws(values: ArrayLike<number>): Buffer {
  const floats = Float32Array.from(values);
  if (LITTLE_ENDIAN) return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
  const bytes = Buffer.alloc(floats.length * DRAW_BYTES);
  floats.forEach((value, i) => bytes.writeFloatLE(value, i * DRAW_BYTES));
  return bytes;
}

/** Whether this machine keeps a typed array's bytes little-endian, as stored (every machine Node runs on today). */
const LITTLE_ENDIAN = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;

/**
 * Stored resampled values as singles, without a copy where the bytes are aligned (SQLite hands each blob over in its
 * own buffer): what the ranking step reads, for every entry on every scope. Values are only read.
 */
export function decodeDrawsSingle(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % DRAW_BYTES !== 0) throw new Error(`stored resampled values of ${bytes.byteLength} bytes: not a whole number of ${DRAW_BYTES}-byte values`);
  if (LITTLE_ENDIAN && bytes.byteOffset % DRAW_BYTES === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / DRAW_BYTES);
  return Float32Array.from(decodeDraws(bytes));
}

/** Stored resampled values back to numbers (doubles holding the stored Float32 values exactly). */
export function decodeDraws(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % DRAW_BYTES !== 0) throw new Error(`stored resampled values of ${bytes.byteLength} bytes: not a whole number of ${DRAW_BYTES}-byte values`);
  const values = new Float64Array(bytes.byteLength / DRAW_BYTES);
  // A view of the stored bytes where they are aligned (SQLite hands each blob over in its own buffer), else one
  // copy into aligned memory; never a read per value through a DataView: a dry run decodes every entry's values.
  if (LITTLE_ENDIAN) {
    let floats: Float32Array;
    if (bytes.byteOffset % DRAW_BYTES === 0) floats = new Float32Array(bytes.buffer, bytes.byteOffset, values.length);
    else {
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      floats = new Float32Array(copy.buffer);
    }
    values.set(floats);
    return values;
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = buffer.readFloatLE(i * DRAW_BYTES);
  return values;
}
