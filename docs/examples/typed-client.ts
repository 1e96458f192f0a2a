// A typed client for the DNC API, generated from its OpenAPI document (the README shows this file;
// tests/api/typed-client.test.ts generates the types and runs it against a real server):
//   npx openapi-typescript http://localhost:3000/api/v1/openapi.json -o docs/examples/dnc-api.d.ts
//   DNC_URL=http://localhost:3000 DNC_API_KEY=dncsk_… npx tsx docs/examples/typed-client.ts
import createClient from "openapi-fetch";
import type { paths } from "./dnc-api";

const client = createClient<paths>({
  baseUrl: `${process.env.DNC_URL}/api/v1`,
  headers: { Authorization: `Bearer ${process.env.DNC_API_KEY}` },
});

async function main() {
  const prospects = ["https://www.linkedin.com/in/jane-doe", "linkedin.com/in/john-roe"];
  const { data, error } = await client.POST("/dnc/check/batch", { body: { urls: prospects } });
  if (error) throw new Error(`${error.error}: ${error.message}`);
  for (const result of data.data.results) {
    if ("error" in result) console.log(`${result.url}: not a LinkedIn profile URL`);
    else console.log(`${result.normalizedUrl}: ${result.onList ? "do not contact" : "ok to contact"}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
