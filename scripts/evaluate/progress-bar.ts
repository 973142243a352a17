/** A progress bar on stderr with rate and time left: redrawn in place on a terminal, plain periodic lines otherwise. */

/** Where progress goes: a stream and whether it is a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A running bar: `tick` after each finished request, `done` at the end. */
export interface ProgressBar {
  tick(n?: number): void;
  done(): void;
}

/** "1h02m", "3m05s", "12s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/** The status line: bar, count, rate and time left. */
export function progressLine(label: string, finished: number, total: number, elapsedSeconds: number, width = 24): string {
  const share = total === 0 ? 1 : finished / total;
  const filled = Math.round(share * width);
  const rate = elapsedSeconds > 0 ? finished / elapsedSeconds : 0;
  const left = rate > 0 ? (total - finished) / rate : Infinity;
  return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${finished}/${total} ${(share * 100).toFixed(0)}% ${rate.toFixed(1)}/s, ${finished >= total ? "done" : `${formatDuration(left)} left`}`;
}

/** Starts a bar over `total` requests; on a non-terminal it prints a line at most every `everyMs`. */
export function startProgress(sink: ProgressSink, label: string, total: number, everyMs = 10_000, now: () => number = Date.now): ProgressBar {
  const start = now();
  let finished = 0;
  let lastLine = start;
  const seconds = () => (now() - start) / 1000;
  return {
    tick(n = 1) {
      finished += n;
      if (sink.isTTY) sink.write(`\r${progressLine(label, finished, total, seconds())}\u001b[K`);
      else if (now() - lastLine >= everyMs) {
        lastLine = now();
        sink.write(`${progressLine(label, finished, total, seconds())}\n`);
      }
    },
    done() {
      sink.write(`${sink.isTTY ? "\r" : ""}${progressLine(label, finished, total, seconds())}${sink.isTTY ? "\u001b[K" : ""}\n`);
    },
  };
}
