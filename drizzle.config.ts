import "./scripts/check-node.mjs";
import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts with `npm run db:generate` and committed.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
