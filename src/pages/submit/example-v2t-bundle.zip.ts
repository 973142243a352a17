/** /submit/example-v2t-bundle.zip: a small valid V2T bundle built from the store (see src/lib/example-bundle.ts). */
import type { APIRoute } from "astro";
import { exampleBundleZip } from "../../lib/example-bundle.ts";

export const GET: APIRoute = () =>
  new Response(exampleBundleZip() as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "application/zip" } });
