// The scoring engine's public surface: pure functions, numbers in, numbers out (DESIGN.md).
export * from "./ranking.ts";
export * from "./validate.ts";
export * from "./rank-data.ts";
export * from "./correlation.ts";
export * from "./random.ts";
export * from "./accuracy.ts";
export * from "./mos.ts";
export * from "./human-score.ts";
export * from "./logistic.ts";
export * from "./calibration.ts";
export * from "./bootstrap.ts";
export * from "./statistics.ts";
export * from "./paired-difference.ts";
export * from "./board-ranking.ts";
export * from "./agreement-ceiling.ts";
export * from "./verification.ts";
