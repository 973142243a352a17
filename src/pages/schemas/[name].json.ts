/** /schemas/<name>.json: the JSON Schema of each submission and benchmark package file, generated from the zod schemas the validator uses. */
import type { APIRoute, GetStaticPaths } from "astro";
import { z } from "zod";
import { PUBLISHED_SCHEMAS } from "../../schemas/published-schemas.ts";

export const getStaticPaths: GetStaticPaths = () => PUBLISHED_SCHEMAS.map((s) => ({ params: { name: s.name } }));

export const GET: APIRoute = ({ params }) => {
  const published = PUBLISHED_SCHEMAS.find((s) => s.name === params.name);
  if (published === undefined) return new Response("unknown schema", { status: 404 });
  // Input form: what a submitter writes (e.g. ratings.csv scores are text cells before they become numbers).
  const generated = z.toJSONSchema(published.schema, { io: "input" });
  const description = published.group === "submission"
    ? `Schema of ${published.file} in an AIGVE Leaderboard submission bundle.`
    : `Schema of ${published.file} in an AIGVE Leaderboard benchmark package (one JSON value per line for .jsonl files).`;
  const schema = { $schema: generated.$schema, title: published.title, description, ...generated };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { "Content-Type": "application/schema+json" } });
};
