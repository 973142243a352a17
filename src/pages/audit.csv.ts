/** /audit.csv: the audit, every published figure and rank beside this site's (the twin of /audit/). */
import type { APIRoute } from "astro";
import { auditRecords } from "../lib/audit.ts";
import { toCsv } from "../lib/csv.ts";

export const GET: APIRoute = () => {
  const { header, rows } = auditRecords();
  return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
