import { describe, expect, it } from "vitest";
import { readScore, readYesNo } from "../../../../scripts/evaluate/read-score.ts";

const levels = { kind: "level-expectation" as const, levels: { excellent: 5, good: 4, fair: 3, poor: 2, bad: 1 } };

describe("reading a score from an answer", () => {
  it("takes the expected level over the level words among the top log-probabilities, renormalised (by hand: (0.5·4 + 0.25·3 + 0.05·5)/0.8 = 3.75)", () => {
    const top = [
      { token: "▁good", logprob: Math.log(0.5) },
      { token: " Fair", logprob: Math.log(0.25) },
      { token: "The", logprob: Math.log(0.2) },
      { token: "excellent", logprob: Math.log(0.05) },
    ];
    expect(readScore({ text: "good", top }, levels)).toEqual({ score: expect.closeTo(3.75, 12) });
  });

  it("adds up tokens that spell the same level word", () => {
    const top = [
      { token: "good", logprob: Math.log(0.3) },
      { token: " good", logprob: Math.log(0.3) },
      { token: "bad", logprob: Math.log(0.2) },
    ];
    expect(readScore({ text: "good", top }, levels)).toEqual({ score: expect.closeTo((0.6 * 4 + 0.2) / 0.8, 12) });
  });

  it("says why an answer cannot be read: no log-probabilities, no level word", () => {
    expect(readScore({ text: "good", top: null }, levels)).toEqual({ unreadable: expect.stringMatching(/no top log-probabilities/) });
    expect(readScore({ text: "I", top: [{ token: "I", logprob: 0 }] }, levels)).toEqual({ unreadable: expect.stringMatching(/no level word \(excellent, good, fair, poor, bad\) is among the top tokens \("I"\)/) });
  });

  it("reads P(yes) normalised over yes and no", () => {
    const top = [{ token: "Yes", logprob: Math.log(0.6) }, { token: "no", logprob: Math.log(0.2) }, { token: "Maybe", logprob: Math.log(0.2) }];
    expect(readScore({ text: "Yes", top }, { kind: "yes-probability" })).toEqual({ score: expect.closeTo(0.75, 12) });
  });

  it("reads the first number of the answer within the card's range, and refuses one outside it", () => {
    expect(readScore({ text: "Score: 7.5 out of 10", top: null }, { kind: "number", min: 0, max: 10 })).toEqual({ score: 7.5 });
    expect(readScore({ text: "11", top: null }, { kind: "number", min: 0, max: 10 })).toEqual({ unreadable: expect.stringMatching(/outside 0–10/) });
    expect(readScore({ text: "great", top: null }, { kind: "number", min: 0, max: 10 })).toEqual({ unreadable: expect.stringMatching(/holds no number/) });
  });
});

describe("reading a yes/no from an answer", () => {
  const text = { kind: "text" as const };
  const probability = { kind: "yes-no-probability" as const };

  it("reads the text as LOVE's eval_qa.py does: 'yes' anywhere wins, else 'no' anywhere, in any case", () => {
    expect(readYesNo({ text: "Yes", top: null }, text)).toEqual({ answer: "yes" });
    expect(readYesNo({ text: " NO.", top: null }, text)).toEqual({ answer: "no" });
    // LOVE's rule, kept literal: "yes" is looked for first, and "I cannot" contains "no".
    expect(readYesNo({ text: "No, yes", top: null }, text)).toEqual({ answer: "yes" });
    expect(readYesNo({ text: "I cannot tell", top: null }, text)).toEqual({ answer: "no" });
  });

  it("says why a text answer cannot be read: neither word in it", () => {
    expect(readYesNo({ text: "Maybe.", top: null }, text)).toEqual({ unreadable: 'the answer "Maybe." says neither yes nor no' });
  });

  it("reads the more probable of yes and no among the first token's candidates, adding tokens that spell the same word", () => {
    const top = [{ token: "No", logprob: Math.log(0.4) }, { token: "▁yes", logprob: Math.log(0.3) }, { token: "Yes", logprob: Math.log(0.25) }, { token: "The", logprob: Math.log(0.05) }];
    expect(readYesNo({ text: "No", top }, probability)).toEqual({ answer: "yes" });
    expect(readYesNo({ text: "Yes", top: [{ token: "no", logprob: Math.log(0.7) }, { token: "yes", logprob: Math.log(0.3) }] }, probability)).toEqual({ answer: "no" });
  });

  it("says why a probability answer cannot be read: no log-probabilities, neither word, or a tie", () => {
    expect(readYesNo({ text: "Yes", top: null }, probability)).toEqual({ unreadable: expect.stringMatching(/no top log-probabilities/) });
    expect(readYesNo({ text: "I", top: [{ token: "I", logprob: 0 }] }, probability)).toEqual({ unreadable: 'neither "yes" nor "no" is among the top tokens ("I")' });
    expect(readYesNo({ text: "Yes", top: [{ token: "Yes", logprob: Math.log(0.5) }, { token: "No", logprob: Math.log(0.5) }] }, probability)).toEqual({ unreadable: expect.stringMatching(/equally probable/) });
  });
});
