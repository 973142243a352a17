import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCard } from "../../../../scripts/evaluate/card.ts";
import { questionsAsked, type Target } from "../../../../scripts/evaluate/targets.ts";
import type { ScoringContext } from "../../../../scripts/scoring/context.ts";

const CARDS = path.resolve(import.meta.dirname, "../../../../data/evaluator-cards");
const { card } = readCard(path.join(CARDS, "love-internvl3-8b-aigve-60k.json"));
const withQa = { qa: "qa" } as unknown as ScoringContext;
const target = (id: string, question: string | null): Target => ({ id, file: `/v/${id}.mp4`, relative: `${id}.mp4`, prompt: "p", question });
const asked = (targets: readonly Target[]) => targets.map((t) => t.question);

describe("which yes/no questions a run asks", () => {
  it("asks every video its question in a V2T run of a benchmark with questions, by a card that declares them", () => {
    const { targets, note } = questionsAsked("v2t", card, withQa, [target("m/1", "Is it red?"), target("m/2", "Is it blue?")]);
    expect(asked(targets)).toEqual(["Is it red?", "Is it blue?"]);
    expect(note).toBeNull();
  });

  it("asks none, saying why, when some videos have no question: a bundle answers every video or none", () => {
    const { targets, note } = questionsAsked("v2t", card, withQa, [target("m/1", "Is it red?"), target("m/2", null)]);
    expect(asked(targets)).toEqual([null, null]);
    expect(note).toBe("1 of 2 videos have no yes/no question in this store (e.g. m/2), and a bundle answers every video or none: no questions are asked.");
  });

  it("asks none, saying so, when the card declares no question prompt", () => {
    const { questions: _, ...withoutQuestions } = card;
    const { targets, note } = questionsAsked("v2t", withoutQuestions, withQa, [target("m/1", "Is it red?")]);
    expect(asked(targets)).toEqual([null]);
    expect(note).toBe('The card declares no "questions": the bundle carries no yes/no answers, so the entry gets no qa accuracy.');
  });

  it("asks none in a T2V run (QA accuracy is a V2T column) or on a benchmark without questions, silently", () => {
    expect(questionsAsked("t2v", card, withQa, [target("17", "Is it red?")])).toEqual({ targets: [target("17", null)], note: null });
    expect(questionsAsked("v2t", card, { qa: null } as unknown as ScoringContext, [target("m/1", null)])).toEqual({ targets: [target("m/1", null)], note: null });
  });
});
