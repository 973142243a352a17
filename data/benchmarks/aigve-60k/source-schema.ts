/**
 * The AIGVE-60K release (data.zip of huggingface.co/datasets/IntMeGroup/AIGVE-60K) as the LOVE training code
 * reads it (github.com/IntMeGroup/LOVE at 919fe92): three meta files, each a dict of named datasets
 * (train/stage1_train_AIGV.py:951-966) whose entries name a video `root` and JSON-lines annotation files
 * (`annotation_train`, 472-476; `annotation_test`, 487-490); one line per video with `video` (joined onto
 * `root`, 813), `conversations` (turn 0 the question, turn 1 the answer, 806-808) and `mos` (float(mos)/100,
 * so 0–100; train_qa.py:838 reads it on QA lines too).
 */
import { z } from "zod";

/** The meta file of each perspective, by our perspective id (shell/*.sh pass them as --meta_path). */
export const AIGVE_META_FILES = {
  perception: "video_train_mos1.json",
  correspondence: "video_train_mos2.json",
  qa: "video_train_qa.json",
} as const;

/** One named dataset of a meta file; LOVE also reads data_augment, repeat_time and max_dynamic_patch, which scoring does not need. */
export const AigveMetaEntrySchema = z.looseObject({
  root: z.string(),
  annotation_train: z.string().min(1).optional(),
  annotation_test: z.string().min(1).optional(),
});

/** A dataset named `__proto__` would vanish from a record without a word; it is refused by name instead. */
const WithoutProtoKey = z.unknown().refine((value) => typeof value !== "object" || value === null || !Object.hasOwn(value, "__proto__"), 'names a dataset "__proto__", a name this reader cannot hold; rename it');

/** A meta file: named datasets, at least one. */
export const AigveMetaSchema = WithoutProtoKey.pipe(z.record(z.string(), AigveMetaEntrySchema).refine((meta) => Object.keys(meta).length > 0, "names no dataset"));

/** A meta file's contents. */
export type AigveMeta = z.infer<typeof AigveMetaSchema>;

/** One turn of a conversation: `human` asks, `gpt` answers. */
const TurnSchema = z.looseObject({ from: z.string(), value: z.string() });

/** One line of an annotation file: a video, its question and answer, and its MOS (0–100; LOVE parses it with float()). */
export const AigveAnnotationLineSchema = z.looseObject({
  video: z.string().min(1),
  conversations: z.array(TurnSchema).min(2, "needs the question and the answer"),
  mos: z.union([z.number(), z.string().trim().min(1).pipe(z.coerce.number())]).pipe(z.number().finite()),
});

/** An annotation line. */
export type AigveAnnotationLine = z.infer<typeof AigveAnnotationLineSchema>;
