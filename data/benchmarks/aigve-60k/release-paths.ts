/**
 * The paths of an AIGVE-60K release, as untrusted data: annotation files named by a meta file must resolve inside
 * the release folder, and a video path must be `<folders>/<model folder>/<prompt id>.<ext>` made of plain names.
 * Every check is on the text alone, so nothing outside the release is opened, and a refusal never echoes a file.
 */
import path from "node:path";
import { quoted } from "../../../scripts/benchmarks/kit.ts";

/**
 * A plain name (a model folder, a prompt id, a folder of a video path): ASCII letters and digits, with `.`, `_`,
 * `-` and `+` inside, at most 100 characters. ASCII because ids keep only ASCII letters and digits (two folders
 * in different scripts would otherwise read alike or share an id), and no `.`/`..`, separators or controls.
 */
const PLAIN_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._+-]{0,98}[A-Za-z0-9_+-])?$/;

/** Controls anywhere in a path (NUL included): refused before the path reaches the file system. */
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** Why `name` is not a plain name, or null when it is one. */
export function plainNameProblem(name: string): string | null {
  if (PLAIN_NAME.test(name)) return null;
  if (name === "") return "is empty";
  if (name === "." || name === "..") return `is ${quoted(name)}, which names no folder of its own`;
  return `${quoted(name)} is not a plain name (ASCII letters and digits with . _ - + inside, at most 100 characters)`;
}

/** A video path's model folder and prompt id, or why the path is not `<folders>/<model>/<prompt id>.<ext>`. */
export function parseVideoPath(video: string): { model: string; promptId: string } | { problem: string } {
  const expected = "<folders>/<T2V model folder>/<prompt id>.<extension>";
  if (CONTROL.test(video)) return { problem: `${quoted(video)} holds a control character; expected ${expected}` };
  if (video.includes("\\")) return { problem: `${quoted(video)} uses \\ as a separator; a release's paths use /` };
  if (video.startsWith("/") || /^[A-Za-z]:/.test(video)) return { problem: `${quoted(video)} is absolute; it must be relative to the meta file's root` };
  const parts = video.split("/");
  const file = parts[parts.length - 1] as string;
  const dot = file.lastIndexOf(".");
  const promptId = dot > 0 ? file.slice(0, dot) : file;
  if (parts.length < 2 || dot <= 0) return { problem: `${quoted(video)} is not ${expected}` };
  for (const [k, part] of parts.slice(0, -1).entries()) {
    const problem = plainNameProblem(part);
    if (problem !== null) {
      const what = k === parts.length - 2 ? "its model folder" : `its folder ${k + 1}`;
      return { problem: `${quoted(video)}: ${what} ${problem}` };
    }
  }
  const problem = plainNameProblem(promptId) ?? plainNameProblem(file.slice(dot + 1));
  if (problem !== null) return { problem: `${quoted(video)}: its file name ${quoted(file)} is not <prompt id>.<extension> of plain names` };
  return { model: parts[parts.length - 2] as string, promptId };
}

/**
 * An annotation file named by a meta file, resolved in the release folder (LOVE's `data/<file>` is
 * `<release>/<file>`), or why it may not be read: it leaves the release, is the release itself, or holds a
 * control character or a Windows separator. Symbolic links inside the release are followed by the reader.
 */
export function resolveInRelease(releaseDir: string, named: string): { file: string } | { problem: string } {
  if (CONTROL.test(named)) return { problem: `${quoted(named)} holds a control character` };
  if (named.includes("\\")) return { problem: `${quoted(named)} uses \\ as a separator; a release's paths use /` };
  const root = path.resolve(releaseDir);
  const relative = named.replace(/^(\.\/)?data\//, "");
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === "") return { problem: `${quoted(named)} is the release folder itself, not an annotation file in it` };
  if (inside.startsWith(`..${path.sep}`) || inside === ".." || path.isAbsolute(inside)) {
    return { problem: `${quoted(named)} is outside the release folder; annotation files must be inside it (read as <release>/<file> for data/<file>)` };
  }
  return { file };
}
