/**
 * The README and /submit/ show how to serve a model with vLLM and run the evaluator against it, at one GPU and at many
 * (issue 20), with the same commands, and every option those commands give `npm run evaluate` is one it takes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "../../../..");
const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const submitPage = fs.readFileSync(path.join(REPO, "src/pages/submit/index.astro"), "utf8");
const section = readme.slice(readme.indexOf("### Evaluating a model served with vLLM"), readme.indexOf("### Writing data/ and the store"));

/** The shell blocks that follow a paragraph starting with `lead`. */
function readmeBlock(lead: string): string {
  const at = section.indexOf(lead);
  expect(at, lead).toBeGreaterThan(-1);
  const match = /```sh\n([\s\S]*?)```/.exec(section.slice(at));
  return (match?.[1] ?? "").trimEnd();
}

/** A template-literal constant of the /submit/ page, as it renders (`\\` is one backslash). */
function pageConstant(name: string): string {
  const match = new RegExp(`const ${name} = \`([\\s\\S]*?)\`;`).exec(submitPage);
  expect(match, name).not.toBeNull();
  return (match?.[1] ?? "").replaceAll("\\\\", "\\");
}

/** The long options `npm run evaluate` declares (scripts/evaluate.ts's parseArgs options). */
const evaluateOptions = new Set([...fs.readFileSync(path.join(REPO, "scripts/evaluate.ts"), "utf8").matchAll(/^\s+"?([a-z-]+)"?: \{ type: "(?:string|boolean)"/gm)].map((m) => m[1]));

/** The options given to `npm run evaluate` in a block of commands (continuation lines joined). */
function optionsOf(block: string): string[] {
  return block
    .replaceAll("\\\n", " ")
    .split("\n")
    .filter((line) => line.includes("npm run evaluate"))
    .flatMap((line) => [...line.matchAll(/\s--([a-z-]+)/g)].map((m) => m[1] as string));
}

describe("the vLLM instructions of the README and /submit/", () => {
  it("show one GPU: a vllm serve of the card's model with 8 images a prompt and 20 log-probabilities, then npm run evaluate against it", () => {
    for (const block of [readmeBlock("One GPU"), pageConstant("vllmOneGpu")]) {
      expect(block).toMatch(/^vllm serve OpenGVLab\/InternVL3-8B --revision <commit> --trust-remote-code --port 8000 \\\n {2}--limit-mm-per-prompt '\{"image": 8\}' --max-logprobs 20\n/);
      expect(block).toMatch(/npm run evaluate -- --benchmark fetv --direction v2t --card data\/evaluator-cards\/love-internvl3-8b-fetv\.json \\\n {2}--endpoint http:\/\/127\.0\.0\.1:8000\/v1 /);
    }
  });

  it("show many GPUs, word for word the same in both: data-parallel replicas with a higher --concurrency, or one server per GPU in one --endpoint", () => {
    const many = readmeBlock("Many GPUs");
    expect(pageConstant("vllmManyGpus")).toBe(many);
    expect(many).toMatch(/--data-parallel-size 8\n/);
    expect(many).toMatch(/--concurrency 64\n/);
    expect(many).toMatch(/CUDA_VISIBLE_DEVICES=\$i vllm serve/);
    expect(many).toMatch(/--endpoint (http:\/\/127\.0\.0\.1:800\d\/v1,){3}http:\/\/127\.0\.0\.1:8003\/v1$/);
  });

  it("give npm run evaluate only options it takes", () => {
    expect(evaluateOptions).toContain("concurrency");
    expect(evaluateOptions).toContain("no-dry-run");
    const used = [readmeBlock("One GPU"), readmeBlock("Many GPUs"), pageConstant("vllmOneGpu"), pageConstant("vllmManyGpus")].flatMap(optionsOf);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((option) => !evaluateOptions.has(option))).toEqual([]);
  });
});
