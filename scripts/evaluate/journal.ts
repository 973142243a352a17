/**
 * The append-only journal of a run: one JSON line per finished request, keyed by (card hash, video hash,
 * perspective or `qa` for a yes/no question) and the prompt text sent (the question itself for `qa`) (an alignment question quotes the video's prompt, and two identical files
 * may have been made from different prompts), holding the raw answer for audit. Each record is written (whole, in
 * one write) as soon as its answer is read, so a run killed at any point, even with SIGKILL, resumes without
 * repeating a finished request; records are fsync'd in batches (at most `syncEveryMs` apart, and on close), so a
 * power cut loses at most that much, which is then asked again. A torn last line is dropped and re-requested.
 */
import fs from "node:fs";
import { z } from "zod";
import { InputError, problemsFromZod } from "../io/input-error.ts";

/** One journal record: a MOS perspective's score, or the yes/no read from the answer to the video's question. */
export const JournalRecordSchema = z
  .strictObject({
    card: z.string().regex(/^[0-9a-f]{64}$/),
    video: z.string().regex(/^[0-9a-f]{64}$/),
    /** The MOS perspective, or the benchmark's `qa` perspective for a yes/no question. */
    perspective: z.string().min(1),
    /** The prompt text sent (for a question, the filled question prompt). */
    text: z.string(),
    /** The file the video was read from (relative to the videos folder), for the audit. */
    file: z.string(),
    endpoint: z.string(),
    answer: z.strictObject({ text: z.string(), top: z.array(z.strictObject({ token: z.string(), logprob: z.number() })).nullable() }),
    score: z.number().optional(),
    yesNo: z.enum(["yes", "no"]).optional(),
  })
  .refine((r) => (r.score === undefined) !== (r.yesNo === undefined), "a record holds either a score or a yes/no");

/** A journal record. */
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

/** The key a finished request is found by. */
export function journalKey(card: string, video: string, perspective: string, text: string): string {
  return JSON.stringify([card, video, perspective, text]);
}

/** An open journal: the records read back, and an append that is durable when it returns. */
export interface Journal {
  readonly done: ReadonlyMap<string, JournalRecord>;
  append(record: JournalRecord): void;
  close(): void;
}

/** Opens (or creates) a journal; a torn last line (no newline at the end) is cut off, any other bad line is an error. */
export function openJournal(file: string, shown: string = file, syncEveryMs = 500): Journal {
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (text !== "" && !text.endsWith("\n")) {
    // Killed mid-write: the last record never finished, so it is dropped and its request made again.
    text = text.slice(0, text.lastIndexOf("\n") + 1);
    fs.truncateSync(file, Buffer.byteLength(text));
  }
  const done = new Map<string, JournalRecord>();
  const lines = text.split("\n");
  lines.pop();
  lines.forEach((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError([{ file: shown, line: i + 1, message: `is not valid JSON (${(error as Error).message}); the journal was changed by hand?` }]);
    }
    const parsed = JournalRecordSchema.safeParse(json);
    if (!parsed.success) throw new InputError(problemsFromZod(shown, i + 1, parsed.error));
    done.set(journalKey(parsed.data.card, parsed.data.video, parsed.data.perspective, parsed.data.text), parsed.data);
  });
  const fd = fs.openSync(file, "a");
  // A synchronous fsync per record would stall every request in flight for the disk's latency; batches do not.
  let unsynced = false;
  const timer = setInterval(() => {
    if (unsynced) {
      unsynced = false;
      fs.fsync(fd, () => {});
    }
  }, syncEveryMs);
  timer.unref();
  return {
    done,
    append(record) {
      fs.writeSync(fd, `${JSON.stringify(record)}\n`);
      unsynced = true;
      done.set(journalKey(record.card, record.video, record.perspective, record.text), record);
    },
    close() {
      clearInterval(timer);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    },
  };
}
