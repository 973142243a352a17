/**
 * What an entry's display name may be, and when two names are the same to a reader. A name is shown on boards,
 * pages, downloads and the maintainer's terminal, so it must render as what it is: NFKC-normalised first, then
 * free of control, format, bidi and invisible characters, of one script (or Latin with CJK), and not a
 * look-alike of another entry's name (Unicode TR39 skeletons, from the confusables data of `unhomoglyph`).
 */
import unhomoglyph from "unhomoglyph";
import { z } from "zod";
import { slugify } from "./ids.ts";

/** Longest entry name, in characters after normalisation. */
export const MAX_NAME_LENGTH = 100;

/**
 * Ids that are route segments of the site or its downloads (`/<benchmark>/<direction>/<entry id>/`): an entry
 * may not take one, so a link never reads as a page of the site's own.
 */
export const RESERVED_ENTRY_IDS: ReadonlySet<string> = new Set([
  "index", "t2v", "v2t", "compare", "dimensions", "charts", "downloads", "entries", "releases", "release",
  "schemas", "submit", "audit", "changelog", "methodology", "404",
]);

// Characters that render as nothing, move text around or drive a terminal: C0/C1 controls and DEL (Cc), format
// characters such as U+200B, U+00AD and every bidi control (Cf), default-ignorable code points (U+034F, variation
// selectors, the Hangul fillers), line and paragraph separators, private-use, unassigned and non-characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/u;

/** More than two combining marks on one letter stack over the lines around it ("Zalgo" text). */
const STACKED_MARKS = /\p{M}{3,}/u;

// Scripts a name may mix with Latin, as TR39's "highly restrictive" level allows: Chinese, Japanese, Korean.
const SCRIPTS = [
  "Latin", "Greek", "Cyrillic", "Armenian", "Hebrew", "Arabic", "Georgian", "Han", "Hiragana", "Katakana", "Hangul",
  "Bopomofo", "Devanagari", "Bengali", "Tamil", "Telugu", "Thai", "Ethiopic", "Cherokee",
] as const;
const SCRIPT_RES = SCRIPTS.map((script) => [script, new RegExp(`^\\p{Script=${script}}$`, "u")] as const);
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** The scripts of a text's letters (Common and Inherited ones, like digits and marks, belong to none). */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    found.add(SCRIPT_RES.find(([, re]) => re.test(char))?.[0] ?? `${codePoint(char)}'s script`);
  }
  return found;
}

/** A code point as U+XXXX, for messages that must not print the character itself. */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why a normalised name cannot be shown as it is, or null when it can. */
export function nameProblem(name: string): string | null {
  const invisible = INVISIBLE.exec(name);
  if (invisible) return `holds the invisible or control character ${codePoint(invisible[0])} at position ${[...name.slice(0, invisible.index)].length + 1}; names must show every character they hold`;
  if (STACKED_MARKS.test(name)) return "stacks three or more combining marks on one letter";
  if (/\s{2}/u.test(name)) return "holds two or more spaces in a row";
  const scripts = scriptsOf(name);
  if (scripts.size > 1 && !ALLOWED_MIXES.some((mix) => [...scripts].every((s) => mix.has(s)))) {
    return `mixes the scripts ${[...scripts].sort().join(" and ")}; write it in one script (Latin may go with Chinese, Japanese or Korean)`;
  }
  const id = slugify(name);
  if (id === "") return "must contain at least one Latin letter or digit: the entry's id, in its links, is made of them";
  if (RESERVED_ENTRY_IDS.has(id)) return `gives the entry id "${id}", which the site uses for its own pages; choose another name`;
  return null;
}

/** An entry's display name: NFKC-normalised before anything else, then trimmed and checked (see nameProblem). */
export const EntryNameSchema = z
  .string()
  .normalize("NFKC")
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .superRefine((name, ctx) => {
    if (name === "") return;
    const problem = nameProblem(name);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem });
  });

/** A valid entry name. */
export type EntryName = z.infer<typeof EntryNameSchema>;

/** TR39 skeleton: NFD, confusables mapped to their prototypes, NFD again. */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD")).normalize("NFD");
}

/** Letters and digits only, lower-case: case, spacing, punctuation and accents do not tell names apart. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

// Every new entry is compared with every entry of its board, so a rebuild of n submissions asks for each name's
// keys about n times: they are kept (a skeleton costs tens of microseconds; a few thousand names fit easily).
const KEYS = new Map<string, ReadonlySet<string>>();
const MAX_KEPT_KEYS = 100_000;

/**
 * The keys under which a name reads the same as another: two names whose key sets meet look alike (`CLIPScore`,
 * `СLIPScore` with a Cyrillic С, `clip score`, `CLlPScore`, Cyrillic `Ріка` for `Pika`). The skeleton is taken of
 * the name as written, lower-cased and upper-cased: TR39 maps `I` to `l` but `i` to itself, and Cyrillic `К` to
 * `K` but not `к` to `k`.
 */
export function nameKeys(name: string): ReadonlySet<string> {
  let keys = KEYS.get(name);
  if (keys === undefined) {
    const normal = name.normalize("NFKC");
    const forms = [normal, normal.toLowerCase(), normal.toUpperCase()].map((form) => loose(skeleton(form)));
    keys = new Set([...forms, ...forms.map((key) => loose(skeleton(key)))]);
    if (KEYS.size >= MAX_KEPT_KEYS) KEYS.clear();
    KEYS.set(name, keys);
  }
  return keys;
}

/** Whether two names look alike to a reader (see nameKeys). */
export function namesLookAlike(a: string, b: string): boolean {
  const keys = nameKeys(b);
  return [...nameKeys(a)].some((key) => keys.has(key));
}
