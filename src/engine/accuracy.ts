/**
 * Yes/no question answering: normalizing free-text answers and scoring them against human answers.
 */

/** A normalized yes/no answer. */
export type YesNo = "yes" | "no";

/** What an answer may look like before normalization: free text from a model, or a boolean. */
export type RawAnswer = string | boolean | null | undefined;

/**
 * "Yes" when the text contains "yes" (any case), otherwise "No" when it contains "no", otherwise null
 * (invalid). The rule is the benchmark's, kept literal: "I don't know" contains "no" and counts as No.
 */
export function normalizeAnswer(answer: RawAnswer): YesNo | null {
  if (typeof answer === "boolean") return answer ? "yes" : "no";
  if (typeof answer !== "string") return null;
  const text = answer.toLowerCase();
  if (text.includes("yes")) return "yes";
  if (text.includes("no")) return "no";
  return null;
}

/** Accuracy as a FRACTION in [0, 1] (null when there is nothing to score), with its counts. */
export interface AccuracyResult {
  readonly accuracy: number | null;
  readonly correct: number;
  /** All scored answers, invalid ones included. */
  readonly total: number;
  /** Predictions that were neither yes nor no; they count as wrong. */
  readonly invalid: number;
}

/** Scores predicted answers against the truth, pairwise; a truth that is not yes/no is an error naming its index. */
export function accuracy(predicted: ReadonlyArray<RawAnswer>, truth: ReadonlyArray<RawAnswer>): AccuracyResult {
  if (predicted.length !== truth.length) {
    throw new RangeError(
      `predicted has ${predicted.length} answers but truth has ${truth.length}: index ${Math.min(predicted.length, truth.length)} has no partner`,
    );
  }
  let correct = 0;
  let invalid = 0;
  truth.forEach((expectedRaw, index) => {
    const expected = normalizeAnswer(expectedRaw);
    if (expected === null) {
      throw new RangeError(`truth[${index}] is not a yes/no answer (${String(expectedRaw)}) at index ${index}`);
    }
    const answer = normalizeAnswer(predicted[index]);
    if (answer === null) invalid++;
    else if (answer === expected) correct++;
  });
  const total = truth.length;
  return { accuracy: total > 0 ? correct / total : null, correct, total, invalid };
}
