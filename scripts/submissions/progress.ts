/** Progress of long work: a one-line bar redrawn in place on a terminal, plain lines anywhere else. */
import { escapeLines, escapeTerminal } from "../io/terminal-text.ts";

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Reports the steps of one job. */
export interface Progress {
  /** Starts step `label` (the bar advances by one step). */
  step(label: string): void;
  /** A message from inside a step (e.g. the scorer's), shown on the bar's line or as a plain line. */
  note(message: string): void;
  /** Ends the bar so that later output starts on a fresh line. */
  done(): void;
}

const WIDTH = 24;

/** A progress reporter over `steps` steps; a bar when the stream is a terminal, else one line per step. */
export function createProgress(steps: number, stream: ProgressStream): Progress {
  let current = 0;
  let label = "";
  let drawn = false;
  const draw = (detail: string): void => {
    const filled = Math.round((WIDTH * Math.min(current, steps)) / steps);
    const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${current}/${steps} ${label}${detail ? ` · ${detail}` : ""}`;
    const columns = stream.columns ?? 80;
    // \r and a clear-to-end-of-line keep the bar on one line; cut it to the terminal's width so it never wraps.
    stream.write(`\r${bar.slice(0, Math.max(10, columns - 1))}\u001b[K`);
    drawn = true;
  };
  return {
    step(next) {
      current += 1;
      // Labels and notes name files and quote input: only the bar's own \r and clear-line reach the terminal raw.
      label = escapeTerminal(next);
      if (stream.isTTY) draw("");
      else stream.write(`[${current}/${steps}] ${label}\n`);
    },
    note(message) {
      if (stream.isTTY) draw(escapeTerminal(message.trim()));
      else stream.write(`      ${escapeLines(message.trim())}\n`);
    },
    done() {
      if (stream.isTTY && drawn) stream.write("\n");
      drawn = false;
    },
  };
}
