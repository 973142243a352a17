/** Reads an evaluator card and hashes it: SHA-256 of its canonical JSON (keys sorted), so layout does not change it. */
import crypto from "node:crypto";
import { EvaluatorCardSchema, type EvaluatorCard } from "../../src/schemas/evaluator-card.ts";
import { readJsonFile } from "../io/read-data.ts";

/** A card and its hash. */
export interface HashedCard {
  readonly card: EvaluatorCard;
  readonly hash: string;
}

/** JSON with object keys sorted at every level: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The card's hash (hex SHA-256 of its canonical JSON). */
export function cardHash(card: EvaluatorCard): string {
  return crypto.createHash("sha256").update(canonicalJson(card)).digest("hex");
}

/** Reads and validates a card file; bad cards throw an InputError naming the file and field. */
export function readCard(file: string): HashedCard {
  const card = readJsonFile(file, EvaluatorCardSchema);
  return { card, hash: cardHash(card) };
}

/** How a card is written into a method text, and found again there (the T2V evaluator check reads it back). */
export const CARD_HASH_PATTERN = /evaluator card sha256:([0-9a-f]{64})/;
