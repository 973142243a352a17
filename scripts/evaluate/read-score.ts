/** Reads a score or a yes/no from a chat completion's answer by a card's rule; an answer that cannot be read says why. */
import { normalizeAnswer, type YesNo } from "../../src/engine/index.ts";
import type { ScoreReading, YesNoReading } from "../../src/schemas/evaluator-card.ts";

/** One candidate of the first generated token, as the OpenAI chat API returns it. */
export interface TopLogprob {
  readonly token: string;
  readonly logprob: number;
}

/** What the runner keeps of an answer: the text and the first token's top log-probabilities. */
export interface Answer {
  readonly text: string;
  readonly top: readonly TopLogprob[] | null;
}

/** A score, or the reason none could be read. */
export type Reading = { readonly score: number } | { readonly unreadable: string };

/** A token as a word: surrounding spaces and the SentencePiece/BPE space markers dropped, lower-cased. */
function word(token: string): string {
  return token.replace(/^[\s▁Ġ]+|[\s.,!]+$/g, "").toLowerCase();
}

/** Probabilities of the wanted words among the top candidates, summed over tokens that spell the same word. */
function wordMass(top: readonly TopLogprob[], words: readonly string[]): Map<string, number> {
  const mass = new Map<string, number>();
  for (const { token, logprob } of top) {
    const w = word(token);
    if (words.includes(w) && Number.isFinite(logprob)) mass.set(w, (mass.get(w) ?? 0) + Math.exp(logprob));
  }
  return mass;
}

/** Reads the score of one answer. */
export function readScore(answer: Answer, reading: ScoreReading): Reading {
  if (reading.kind === "number") {
    const match = /-?\d+(?:\.\d+)?/.exec(answer.text);
    if (match === null) return { unreadable: `the answer "${answer.text.slice(0, 80)}" holds no number` };
    const value = Number(match[0]);
    if (value < reading.min || value > reading.max) return { unreadable: `the answer's number ${value} lies outside ${reading.min}–${reading.max}` };
    return { score: value };
  }
  if (answer.top === null || answer.top.length === 0) return { unreadable: "the answer carries no top log-probabilities (does the server support logprobs?)" };
  if (reading.kind === "yes-probability") {
    const mass = wordMass(answer.top, ["yes", "no"]);
    const total = (mass.get("yes") ?? 0) + (mass.get("no") ?? 0);
    if (total === 0) return { unreadable: `neither "yes" nor "no" is among the top tokens (${answer.top.map((t) => JSON.stringify(t.token)).join(", ")})` };
    return { score: (mass.get("yes") ?? 0) / total };
  }
  const levels = Object.entries(reading.levels).map(([w, v]) => [w.toLowerCase(), v] as const);
  const mass = wordMass(answer.top, levels.map(([w]) => w));
  let total = 0;
  let sum = 0;
  for (const [w, value] of levels) {
    const p = mass.get(w) ?? 0;
    total += p;
    sum += p * value;
  }
  if (total === 0) return { unreadable: `no level word (${levels.map(([w]) => w).join(", ")}) is among the top tokens (${answer.top.map((t) => JSON.stringify(t.token)).join(", ")})` };
  // The expected level over the level words alone (renormalised), as Q-Align and LOVE's scorer read it.
  return { score: sum / total };
}

/** A yes/no, or the reason none could be read. */
export type YesNoAnswer = { readonly answer: YesNo } | { readonly unreadable: string };

/** Reads the yes/no of one answer: by the benchmark's own text rule (the engine's, as QA accuracy is scored), or by the more probable first token. */
export function readYesNo(answer: Answer, reading: YesNoReading): YesNoAnswer {
  if (reading.kind === "text") {
    const read = normalizeAnswer(answer.text);
    return read === null ? { unreadable: `the answer "${answer.text.slice(0, 80)}" says neither yes nor no` } : { answer: read };
  }
  if (answer.top === null || answer.top.length === 0) return { unreadable: "the answer carries no top log-probabilities (does the server support logprobs?)" };
  const mass = wordMass(answer.top, ["yes", "no"]);
  const [yes, no] = [mass.get("yes") ?? 0, mass.get("no") ?? 0];
  if (yes === 0 && no === 0) return { unreadable: `neither "yes" nor "no" is among the top tokens (${answer.top.map((t) => JSON.stringify(t.token)).join(", ")})` };
  if (yes === no) return { unreadable: `"yes" and "no" are equally probable (${yes.toPrecision(3)})` };
  return { answer: yes > no ? "yes" : "no" };
}
