/** /audit.json: the audit as JSON records with the same snake_case columns as /audit.csv. */
import type { APIRoute } from "astro";
import { auditRecords } from "../lib/audit.ts";

export const GET: APIRoute = () => {
  const { header, rows } = auditRecords();
  const records = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? null])));
  return new Response(`${JSON.stringify({ columns: header, rows: records }, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
