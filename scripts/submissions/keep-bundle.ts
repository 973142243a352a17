/** Keeps an accepted bundle's files under data/submissions/ and can take them back out if storing fails. */
import fs from "node:fs";
import path from "node:path";
import { checkpoint } from "../store/checkpoint.ts";

/** A kept bundle folder and the folders created for it, so that `discard` can undo exactly that. */
export interface KeptBundle {
  readonly dir: string;
  readonly createdParents: readonly string[];
}

/** Writes the files into `target` (which must not exist) through a temporary sibling, then renames it. */
export function keepBundle(files: ReadonlyMap<string, Uint8Array>, target: string): KeptBundle {
  if (fs.existsSync(target)) throw new Error(`${target} already exists; an entry's folder is never overwritten`);
  const createdParents: string[] = [];
  for (let dir = path.dirname(target); !fs.existsSync(dir); dir = path.dirname(dir)) createdParents.unshift(dir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.rmSync(temporary, { recursive: true, force: true });
    fs.mkdirSync(temporary);
    for (const [name, bytes] of files) fs.writeFileSync(path.join(temporary, name), bytes);
    checkpoint("keeping");
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    discard({ dir: target, createdParents });
    throw error;
  }
  return { dir: target, createdParents };
}

/** Removes a kept bundle and the (then empty) folders created for it. */
export function discard(kept: KeptBundle): void {
  fs.rmSync(kept.dir, { recursive: true, force: true });
  for (const dir of [...kept.createdParents].reverse()) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}
