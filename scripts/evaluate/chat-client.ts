/**
 * One chat completion over plain fetch against an OpenAI-compatible endpoint (vLLM, SGLang): a hard timeout per
 * attempt, retries with exponential backoff on 429, 5xx, timeouts, dropped connections and malformed bodies.
 */
import type { Answer, TopLogprob } from "./read-score.ts";
import type { ChatRequest } from "./chat-request.ts";

/** How requests are retried and timed out. */
export interface RetryPolicy {
  /** Attempts per request before it is given up (first try included). */
  readonly attempts: number;
  /** Hard limit of one attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** First backoff, doubled per retry (with jitter), in milliseconds; capped at 30 s. */
  readonly backoffMs: number;
}

/** A request that failed every attempt, with the last reason. */
export class RequestFailedError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.reason = reason;
    this.name = "RequestFailedError";
  }
}

/** The raw answer and the endpoint that gave it. */
export interface ChatOutcome {
  readonly answer: Answer;
  readonly endpoint: string;
  readonly attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the text and first-token top log-probabilities of a chat completion body, or null when it has neither shape. */
export function answerOf(body: unknown): Answer | null {
  const choice = (body as { choices?: unknown[] } | null)?.choices?.[0] as { message?: { content?: unknown }; logprobs?: { content?: { top_logprobs?: unknown }[] } | null } | undefined;
  const text = choice?.message?.content;
  if (typeof text !== "string") return null;
  const raw = choice?.logprobs?.content?.[0]?.top_logprobs;
  const top = Array.isArray(raw)
    ? raw.filter((t): t is TopLogprob => typeof (t as TopLogprob)?.token === "string" && typeof (t as TopLogprob)?.logprob === "number")
    : null;
  return { text, top };
}

/** One attempt: the answer, or a retryable reason. */
async function attempt(endpoint: string, body: string, apiKey: string | undefined, timeoutMs: number): Promise<{ answer: Answer } | { retry: string; waitMs?: number }> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    return { retry: name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs} ms` : `connection failed (${(error as Error).message})` };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { retry: `the answer was cut off (${(error as Error).message})` };
  }
  if (response.status === 429 || response.status >= 500) {
    const after = Number(response.headers.get("retry-after"));
    return { retry: `HTTP ${response.status}`, ...(Number.isFinite(after) && after > 0 ? { waitMs: Math.min(after * 1000, 30_000) } : {}) };
  }
  if (!response.ok) throw new RequestFailedError(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { retry: `the answer is not JSON ("${text.slice(0, 60)}")` };
  }
  const answer = answerOf(json);
  return answer === null ? { retry: `the answer has no choices[0].message.content ("${text.slice(0, 60)}")` } : { answer };
}

/** Sends one request to `endpoint`, retrying per the policy; `accept` may refuse an answer (e.g. unreadable) to retry it. */
export async function complete(
  endpoint: string,
  request: ChatRequest,
  policy: RetryPolicy,
  accept: (answer: Answer) => string | null = () => null,
  apiKey: string | undefined = process.env.AIGVE_API_KEY ?? process.env.OPENAI_API_KEY,
): Promise<ChatOutcome> {
  const body = JSON.stringify(request);
  let last = "";
  for (let n = 1; n <= policy.attempts; n += 1) {
    const result = await attempt(endpoint, body, apiKey, policy.timeoutMs);
    if ("answer" in result) {
      const refused = accept(result.answer);
      if (refused === null) return { answer: result.answer, endpoint, attempts: n };
      last = refused;
    } else last = result.retry;
    if (n < policy.attempts) {
      const backoff = Math.min(policy.backoffMs * 2 ** (n - 1), 30_000);
      await sleep("waitMs" in result && result.waitMs !== undefined ? result.waitMs : backoff * (0.5 + Math.random() / 2));
    }
  }
  throw new RequestFailedError(`${last} (after ${policy.attempts} attempts at ${endpoint})`);
}
