/**
 * Text from outside (bundle files, data/, the store, lock files) printed to a terminal: a control character in a
 * name, path or quoted value could clear the screen, recolour or rewrite earlier lines, or reorder what follows
 * (bidi controls), so every such character is shown as an escape (`\u001b`) instead of being sent raw.
 */

// C0 and C1 controls and DEL (Cc), format characters with every bidi control and zero-width ones (Cf), the line
// and paragraph separators some terminals break on, lone surrogates, and private-use characters (no agreed glyph).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/gu;

function escaped(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One value from outside, every control, format and bidi character (line breaks too) made a visible escape. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** A block of lines (e.g. a message that quotes input): each line escaped, the line breaks between them kept. */
export function escapeLines(text: string): string {
  return text.split("\n").map(escapeTerminal).join("\n");
}

/** A stream that escapes each write line by line (see escapeLines): for callers that print only plain lines. */
export function escapingWriter(stream: { write(text: string): unknown }): { write(text: string): unknown } {
  return { write: (text: string) => stream.write(escapeLines(text)) };
}
