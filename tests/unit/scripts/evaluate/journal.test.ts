import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { journalKey, openJournal, type JournalRecord } from "../../../../scripts/evaluate/journal.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-journal-"));
  dirs.push(dir);
  return path.join(dir, "run.journal.jsonl");
};
const record = (video: string, score: number): JournalRecord => ({
  card: "a".repeat(64),
  video: video.repeat(64),
  perspective: "alignment",
  text: "How would you rate…",
  file: "m/1.mp4",
  endpoint: "http://127.0.0.1:1/v1",
  answer: { text: "good", top: [{ token: "good", logprob: -0.1 }] },
  score,
});

describe("the evaluation journal", () => {
  it("reads back what was appended, keyed by card, video, perspective and prompt text", () => {
    const f = file();
    const j = openJournal(f);
    j.append(record("b", 4));
    j.append(record("c", 2));
    j.close();
    const again = openJournal(f);
    expect(again.done.get(journalKey("a".repeat(64), "c".repeat(64), "alignment", "How would you rate…"))?.score).toBe(2);
    expect(again.done.size).toBe(2);
    again.close();
  });

  it("drops a torn last line (a write cut by a kill) and appends after the last whole record", () => {
    const f = file();
    fs.writeFileSync(f, `${JSON.stringify(record("b", 4))}\n{"card":"aaa`);
    const j = openJournal(f);
    expect(j.done.size).toBe(1);
    j.append(record("c", 3));
    j.close();
    expect(fs.readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).score)).toEqual([4, 3]);
  });

  it("refuses a damaged line in the middle, naming the file and line", () => {
    const f = file();
    fs.writeFileSync(f, `${JSON.stringify(record("b", 4))}\nnot json\n${JSON.stringify(record("c", 3))}\n`);
    expect(() => openJournal(f, "run.journal.jsonl")).toThrow(/run\.journal\.jsonl:2: is not valid JSON/);
  });

  it("keeps a question's yes/no beside the scores, keyed by the qa perspective and the question asked, and refuses a record with both or neither", () => {
    const f = file();
    const j = openJournal(f);
    const { score: _, ...base } = record("b", 4);
    j.append({ ...base, perspective: "qa", text: "Is there a cat?", answer: { text: "Yes", top: null }, yesNo: "yes" });
    j.append(record("b", 4));
    j.close();
    const again = openJournal(f);
    expect(again.done.get(journalKey("a".repeat(64), "b".repeat(64), "qa", "Is there a cat?"))?.yesNo).toBe("yes");
    expect(again.done.get(journalKey("a".repeat(64), "b".repeat(64), "alignment", "How would you rate…"))?.score).toBe(4);
    again.close();
    fs.writeFileSync(f, `${JSON.stringify({ ...record("b", 4), yesNo: "no" })}\n`);
    expect(() => openJournal(f, "run.journal.jsonl")).toThrow(/run\.journal\.jsonl:1: .*either a score or a yes\/no/);
    fs.writeFileSync(f, `${JSON.stringify(base)}\n`);
    expect(() => openJournal(f, "run.journal.jsonl")).toThrow(/either a score or a yes\/no/);
  });
});
