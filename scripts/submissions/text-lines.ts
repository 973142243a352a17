/** Decodes a bundle's text file and splits it into lines, enforcing the line-length and line-count limits. */
import type { BundleLimits } from "../../src/schemas/submission/limits.ts";
import type { Problem } from "../io/input-error.ts";

/** At most this many problems are listed per file: the first ones show the pattern, the rest would drown it. */
export const MAX_PROBLEMS_PER_FILE = 500;

/** A text file's lines (1-based numbers, line breaks removed), or the problems that stop it being read. */
export type TextLines = { text: string; lines: { line: number; text: string }[]; problems: [] } | { problems: Problem[] };

/**
 * Strict UTF-8 decoding, then the limits: no line longer than `lineBytes`, and for data files (`isData`)
 * at most `lines` non-empty lines.
 */
export function readTextLines(bytes: Uint8Array, file: string, limits: BundleLimits, isData = false): TextLines {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ file, message: "is not valid UTF-8 text" }] };
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const problems: Problem[] = [];
  const lines: { line: number; text: string }[] = [];
  const raw = text.split("\n");
  let nonEmpty = 0;
  raw.forEach((value, index) => {
    const line = value.endsWith("\r") ? value.slice(0, -1) : value;
    // Byte length without encoding the whole line twice for ASCII: a UTF-8 character is at most 3 bytes per code unit.
    const bytesOfLine = line.length * 3 <= limits.lineBytes ? line.length : Buffer.byteLength(line, "utf8");
    if (bytesOfLine > limits.lineBytes) {
      if (problems.length < MAX_PROBLEMS_PER_FILE) {
        problems.push({ file, line: index + 1, message: `is ${bytesOfLine.toLocaleString("en")} bytes long; lines may be at most ${limits.lineBytes.toLocaleString("en")}` });
      }
      return;
    }
    if (line.trim() !== "") nonEmpty += 1;
    lines.push({ line: index + 1, text: line });
  });
  if (isData && nonEmpty > limits.lines) {
    problems.push({ file, message: `has ${nonEmpty.toLocaleString("en")} lines; at most ${limits.lines.toLocaleString("en")} are allowed` });
  }
  return problems.length > 0 ? { problems } : { text, lines, problems: [] };
}
