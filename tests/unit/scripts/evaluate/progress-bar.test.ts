import { describe, expect, it } from "vitest";
import { formatDuration, progressLine, startProgress } from "../../../../scripts/evaluate/progress-bar.ts";

describe("the progress bar", () => {
  it("shows the share done, the rate and the time left", () => {
    expect(progressLine("requests", 25, 100, 5, 8)).toBe("requests [##------] 25/100 25% 5.0/s, 15s left");
    expect(progressLine("requests", 100, 100, 50, 8)).toBe("requests [########] 100/100 100% 2.0/s, done");
  });

  it("writes durations in hours, minutes or seconds", () => {
    expect([5, 185, 3720].map(formatDuration)).toEqual(["5s", "3m05s", "1h02m"]);
  });

  it("prints plain lines at most every interval when not on a terminal, and redraws in place on one", () => {
    let clock = 0;
    const plain: string[] = [];
    const bar = startProgress({ write: (t: string) => plain.push(t), isTTY: false }, "r", 10, 1000, () => clock);
    for (let i = 0; i < 10; i += 1) {
      clock += 300;
      bar.tick();
    }
    bar.done();
    expect(plain.every((l) => l.endsWith("\n") && !l.includes("\r"))).toBe(true);
    expect(plain).toHaveLength(3);
    const tty: string[] = [];
    const live = startProgress({ write: (t: string) => tty.push(t), isTTY: true }, "r", 2, 1000, () => 0);
    live.tick();
    expect(tty[0]?.startsWith("\r")).toBe(true);
  });
});
