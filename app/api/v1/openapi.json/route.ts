import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

// GET /api/v1/openapi.json - the API's OpenAPI 3.1 document
export function GET() {
  return Response.json(buildOpenApiDocument());
}
