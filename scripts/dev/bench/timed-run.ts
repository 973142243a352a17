/**
 * A whole run of one of the project's programs in a child process, timed as a user meets it: wall seconds, and the
 * CPU seconds of the run and every process it starts (user + system, by `/usr/bin/time`), which a shared machine's
 * load does not inflate as it does the wall time. A run over its time cap is stopped (its whole process group) and
 * reported as such rather than left to run for hours.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** What one run cost; `failure` says why it did not finish (stopped at the cap, or its exit and last lines). */
export interface TimedRun {
  readonly wallSeconds: number;
  /** User + system CPU seconds of the run and its children; NaN when the run was stopped before /usr/bin/time reported. */
  readonly cpuSeconds: number;
  /** Peak resident memory of the run's largest process, in MB (NaN as above). */
  readonly peakMb: number;
  readonly failure: string | null;
  /** The last 16,000 characters the run printed on its standard output. */
  readonly stdout: string;
}

/** `/usr/bin/time`'s line: user and system seconds, peak KB; a killed run leaves none. */
function readTimes(file: string): [number, number, number] {
  const last = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").at(-1) : undefined;
  const times = last?.split(/\s+/).map(Number);
  return times?.length === 3 && times.every(Number.isFinite) ? (times as [number, number, number]) : [Number.NaN, Number.NaN, Number.NaN];
}

/** Runs `node <args>` from the repository with `env` added, in its own process group, stopped after `capSeconds`. */
export async function timedRun(args: readonly string[], env: Readonly<Record<string, string>>, capSeconds: number): Promise<TimedRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-time-"));
  const timesFile = path.join(dir, "times");
  try {
    const started = performance.now();
    const { code, stdout, stderr, capped } = await new Promise<{ code: number | null; stdout: string; stderr: string; capped: boolean }>((resolve, reject) => {
      const child = spawn("/usr/bin/time", ["-o", timesFile, "-f", "%U %S %M", process.execPath, ...args], { cwd: REPO, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let tail = "";
      child.stdout.on("data", (chunk: Buffer) => (out = (out + chunk.toString()).slice(-16_000)));
      child.stderr.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
      let stopped = false;
      const timer = setTimeout(() => {
        stopped = true;
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, capSeconds * 1000);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("close", (exit) => {
        clearTimeout(timer);
        resolve({ code: exit, stdout: out, stderr: tail, capped: stopped });
      });
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const [user, system, peakKb] = readTimes(timesFile);
    // The error's own lines, not its stack frames or /usr/bin/time's note: what went wrong, in a table cell.
    const lastLines = stderr.trim().split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("at ") && !line.startsWith("Command exited")).slice(-3).join(" / ");
    const failure = capped ? `stopped at its ${Math.round(capSeconds)} s cap` : code !== 0 ? `exit ${code}: ${lastLines}` : null;
    return { wallSeconds, cpuSeconds: user + system, peakMb: peakKb / 1024, failure, stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
