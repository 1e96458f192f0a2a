// GET /api/ping - liveness; also the framework ceiling every benchmark figure is divided by
export function GET() {
  return Response.json({ ok: true });
}
