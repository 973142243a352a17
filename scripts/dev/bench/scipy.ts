/**
 * The SciPy baseline: a python3 process running scipy_times.py, kept for the whole bench, so that each of
 * our calls can be followed by one of SciPy's and both are timed under the same load.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const SCRIPT = new URL("./scipy_times.py", import.meta.url).pathname;

/** One timed SciPy call: its time in ms and its result (null where SciPy gives none). */
export interface ScipyCall {
  readonly ms: number;
  readonly value: number | null;
}

/** A running SciPy: load data, then time tasks on it (see scipy_times.py). */
export interface Scipy {
  load(x: Float64Array, y: Float64Array): Promise<void>;
  time(task: string): Promise<ScipyCall>;
  close(): void;
}

/** Starts SciPy, or gives null when python3 cannot import it. */
export async function startScipy(): Promise<Scipy | null> {
  const child = spawn("python3", [SCRIPT], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const started = await new Promise<boolean>((resolve) => {
    child.once("spawn", () => resolve(true));
    child.once("error", () => resolve(false));
  });
  if (!started) return null;
  const dir = mkdtempSync(join(tmpdir(), "aigve-bench-"));
  const ask = async (command: string): Promise<unknown> => {
    child.stdin.write(`${command}\n`);
    const next = await lines.next();
    if (next.done === true) throw new Error(`SciPy stopped before answering "${command}"`);
    return JSON.parse(next.value) as unknown;
  };
  const close = () => {
    child.stdin.end();
    rmSync(dir, { recursive: true, force: true });
  };
  const scipy: Scipy = {
    async load(x, y) {
      const file = join(dir, "data.f64");
      const data = new Float64Array(2 * x.length);
      data.set(x, 0);
      data.set(y, x.length);
      writeFileSync(file, new Uint8Array(data.buffer));
      await ask(`load ${file} ${x.length}`);
    },
    time: async (task) => (await ask(`time ${task}`)) as ScipyCall,
    close,
  };
  // A python3 without SciPy exits at its import: its first answer never comes.
  try {
    await scipy.load(new Float64Array([0, 1]), new Float64Array([1, 0]));
    return scipy;
  } catch {
    close();
    return null;
  }
}
