/**
 * Named steps of the commands that write data/ and the store. A test sets AIGVE_KILL_AT=<step> to have the
 * process killed (SIGKILL, as by `kill -9`) when it reaches that step, then checks that a rerun converges.
 */

/** The steps a write passes through, in order. */
export const WRITE_STEPS = ["locked", "read", "scored", "keeping", "kept", "storing", "stored"] as const;

/** A write step. */
export type WriteStep = (typeof WRITE_STEPS)[number];

/** Marks that the command reached `step`; dies there when the test hook asks for it. */
export function checkpoint(step: WriteStep): void {
  if (process.env.AIGVE_KILL_AT === step) process.kill(process.pid, "SIGKILL");
}
