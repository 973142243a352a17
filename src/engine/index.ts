// The scoring engine's public surface: pure functions, numbers in, numbers out (DESIGN.md).
export * from "./ranking.ts";
