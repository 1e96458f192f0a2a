import { serveMetrics } from "@/lib/observability/metrics-endpoint";

// GET /api/metrics - Prometheus metrics for Authorization: Bearer $METRICS_TOKEN (404 when unset)
export { serveMetrics as GET, serveMetrics as POST, serveMetrics as PUT, serveMetrics as PATCH, serveMetrics as DELETE };
