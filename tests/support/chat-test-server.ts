/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 (random port) for the evaluation runner's tests. It
 * checks every request byte for byte against what the card says must be sent (model, decoding settings, the frames
 * as PNG data URLs of the card's size in the frame rule's order, the prompt or question text), answers
 * deterministically from the request (a planted level per clip and perspective, as first-token top log-probabilities;
 * a planted yes or no per clip and question, as text and log-probabilities), and injects faults (429, 500, a hang past
 * the client's timeout, a body that is not JSON, an answer with no level word, or with neither yes nor no) by schedule.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeFrame } from "./clips.ts";

/** A fault injected instead of an answer. */
export type Fault = "429" | "500" | "hang" | "garbage" | "unreadable";

/** The level words of LOVE's cards and their values. */
export const LEVEL_WORDS = ["bad", "poor", "fair", "good", "excellent"] as const;

/** The perspective id of yes/no questions in the servers' text maps (AIGVE-60K's `qa`). */
export const QA = "qa";

/** The score the runner must read from the server's answer for planted level L (1–5), computed by hand. */
export function plantedScore(level: number): number {
  const other = level === 5 ? 4 : level + 1;
  // Answer: level word p = 0.6, its neighbour p = 0.3, a non-level token p = 0.1; renormalised over level words.
  return (0.6 * level + 0.3 * other) / 0.9;
}

/** What the server expects and how it answers. */
export interface ChatServerOptions {
  readonly model: string;
  readonly decoding: { temperature: number; max_tokens: number; top_logprobs: number; seed?: number };
  readonly frameSize: number;
  /** The frame indices the rule must pick for a clip (from the NumPy fixture, not the code under test). */
  readonly framesOf: (clip: number) => readonly number[];
  /**
   * The perspective of each prompt text allowed for a clip (quality questions, alignment questions quoting the prompt
   * of a video made of this clip, and `qa` for the yes/no questions of its videos).
   */
  readonly textsOf: (clip: number) => ReadonlyMap<string, string>;
  /** The planted level (1–5) of a clip under a perspective. */
  readonly level: (clip: number, perspective: string) => number;
  /**
   * Instead of a level, the exact expected level (1–5) the answer must give: the two level words around it share
   * the probability (e.g. 3.25 → fair 0.75, good 0.25).
   */
  readonly expected?: (clip: number, perspective: string, text: string) => number;
  /** The planted yes or no of a yes/no question (perspective `qa`) asked of a clip. */
  readonly yesNo?: (clip: number, text: string) => "yes" | "no";
  /** The fault to inject on the n-th request (1-based, counted over every request received), if any. */
  readonly fault?: (n: number, clip: number, perspective: string) => Fault | null;
  /** Milliseconds to wait before answering (to let a test kill the client mid-run). */
  readonly delayMs?: number;
}

/** One request as the server saw it. */
export interface SeenRequest {
  readonly n: number;
  readonly clip: number;
  readonly perspective: string;
  readonly text: string;
  readonly outcome: Fault | "answered" | "rejected";
  readonly why?: string;
}

/** A running server: its base URL (…/v1), what it saw, and how to stop it. */
export interface ChatServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** The JSON body the runner must send, serialised as it must be, for the given images and text. */
function expectedBody(options: ChatServerOptions, urls: readonly string[], text: string): string {
  const d = options.decoding;
  return JSON.stringify({
    model: options.model,
    messages: [{ role: "user", content: [...urls.map((url) => ({ type: "image_url", image_url: { url } })), { type: "text", text }] }],
    temperature: d.temperature,
    max_tokens: d.max_tokens,
    logprobs: true,
    top_logprobs: d.top_logprobs,
    ...(d.seed === undefined ? {} : { seed: d.seed }),
  });
}

/** Checks a request; returns its clip, perspective and text, or why it is wrong. */
function check(options: ChatServerOptions, raw: string): { clip: number; perspective: string; text: string } | { why: string } {
  let body: { messages?: { content?: { type: string; image_url?: { url: string }; text?: string }[] }[] };
  try {
    body = JSON.parse(raw);
  } catch {
    return { why: "body is not JSON" };
  }
  const content = body.messages?.[0]?.content ?? [];
  const urls = content.filter((c) => c.type === "image_url").map((c) => c.image_url?.url ?? "");
  const text = content.at(-1)?.text ?? "";
  const frames = urls.map((url) => {
    if (!url.startsWith("data:image/png;base64,")) return null;
    try {
      return decodeFrame(Buffer.from(url.slice("data:image/png;base64,".length), "base64"));
    } catch {
      return null;
    }
  });
  if (frames.length === 0 || frames.some((f) => f === null)) return { why: "frames are not PNG data URLs" };
  const clip = frames[0]?.clip as number;
  if (frames.some((f) => f?.width !== options.frameSize || f?.height !== options.frameSize)) return { why: `a frame is not ${options.frameSize}×${options.frameSize}` };
  if (frames.some((f) => f?.clip !== clip)) return { why: "frames of different clips" };
  const indices = frames.map((f) => f?.index);
  const wanted = options.framesOf(clip);
  if (JSON.stringify(indices) !== JSON.stringify(wanted)) return { why: `clip ${clip}: frames ${indices.join(",")} sent, ${wanted.join(",")} expected` };
  const perspective = options.textsOf(clip).get(text);
  if (perspective === undefined) return { why: `clip ${clip}: unexpected prompt text ${JSON.stringify(text)}` };
  if (raw !== expectedBody(options, urls, text)) return { why: "the body differs from the expected bytes (model, order, decoding settings)" };
  return { clip, perspective, text };
}

/** A chat completion whose first token's top log-probabilities plant `level`. */
function answer(level: number): string {
  const word = LEVEL_WORDS[level - 1] as string;
  const neighbour = LEVEL_WORDS[(level === 5 ? 4 : level + 1) - 1] as string;
  const top = [
    { token: ` ${word}`, logprob: Math.log(0.6) },
    { token: neighbour, logprob: Math.log(0.3) },
    { token: "▁The", logprob: Math.log(0.1) },
  ];
  return JSON.stringify({ id: "x", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: word }, logprobs: { content: [{ token: word, logprob: Math.log(0.6), top_logprobs: top }] }, finish_reason: "length" }] });
}

/** A chat completion whose level words' expected value is exactly `value` (1–5). */
function answerExpecting(value: number): string {
  const low = Math.min(4, Math.floor(value));
  const share = value - low;
  const top = [
    { token: LEVEL_WORDS[low - 1] as string, logprob: Math.log(1 - share) },
    { token: LEVEL_WORDS[low] as string, logprob: Math.log(share) },
  ].filter((t) => Number.isFinite(t.logprob));
  return JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content: top[0]?.token }, logprobs: { content: [{ token: top[0]?.token, logprob: top[0]?.logprob, top_logprobs: top }] }, finish_reason: "length" }] });
}

/** A chat completion answering yes or no: the word as text, and as the more probable first token (0.8 against 0.2). */
function answerYesNo(yesNo: "yes" | "no"): string {
  const [word, other] = yesNo === "yes" ? ["Yes", "No"] : ["No", "Yes"];
  const top = [
    { token: word, logprob: Math.log(0.8) },
    { token: other, logprob: Math.log(0.2) },
  ];
  return JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content: word }, logprobs: { content: [{ token: word, logprob: Math.log(0.8), top_logprobs: top }] }, finish_reason: "length" }] });
}

/** An answer no rule can read: no level word, and neither yes nor no in its text or first-token candidates. */
function unreadableAnswer(perspective: string): string {
  const [text, top] = perspective === QA
    ? ["Hard to say.", [{ token: "Hard", logprob: -0.1 }, { token: "Perhaps", logprob: -2.4 }]]
    : ["I cannot rate this.", [{ token: "I", logprob: -0.1 }, { token: "Sorry", logprob: -2.4 }]];
  return JSON.stringify({ choices: [{ message: { content: text }, logprobs: { content: [{ token: top[0]?.token, logprob: -0.1, top_logprobs: top }] } }] });
}

/** Starts the server on 127.0.0.1 at a random port. */
export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const seen: SeenRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const n = seen.length + 1;
      if (req.method !== "POST" || req.url !== "/v1/chat/completions" || req.headers["content-type"] !== "application/json") {
        seen.push({ n, clip: -1, perspective: "", text: "", outcome: "rejected", why: `${req.method} ${req.url} ${req.headers["content-type"]}` });
        res.writeHead(400).end("bad request");
        return;
      }
      const checked = check(options, Buffer.concat(chunks).toString("utf8"));
      if ("why" in checked) {
        seen.push({ n, clip: -1, perspective: "", text: "", outcome: "rejected", why: checked.why });
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: checked.why }));
        return;
      }
      const fault = options.fault?.(n, checked.clip, checked.perspective) ?? null;
      seen.push({ n, ...checked, outcome: fault ?? "answered" });
      const send = () => {
        if (fault === "hang") hanging.add(res);
        else if (fault === "429") res.writeHead(429, { "retry-after": "0" }).end("slow down");
        else if (fault === "500") res.writeHead(500).end("internal error");
        else if (fault === "garbage") res.writeHead(200, { "content-type": "application/json" }).end("{\"choices\": [ this is not json");
        else if (fault === "unreadable") res.writeHead(200, { "content-type": "application/json" }).end(unreadableAnswer(checked.perspective));
        else if (checked.perspective === QA) {
          if (options.yesNo === undefined) res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "this server plants no yes/no answers" }));
          else res.writeHead(200, { "content-type": "application/json" }).end(answerYesNo(options.yesNo(checked.clip, checked.text)));
        } else {
          const body = options.expected ? answerExpecting(options.expected(checked.clip, checked.perspective, checked.text)) : answer(options.level(checked.clip, checked.perspective));
          res.writeHead(200, { "content-type": "application/json" }).end(body);
        }
      };
      if (options.delayMs) setTimeout(send, options.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
