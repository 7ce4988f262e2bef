import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of this process, served at /metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'essaim_' });

export const httpRequestDuration = new Histogram({
  name: 'essaim_http_request_duration_seconds',
  help: 'HTTP request duration by route bucket, method and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: 'essaim_graphql_operations_total',
  help: 'GraphQL operations by type and outcome',
  labelNames: ['type', 'outcome'],
  registers: [metricsRegistry],
});

export const readCacheRequests = new Counter({
  name: 'essaim_read_cache_requests_total',
  help: 'Anonymous GraphQL queries answered from the read cache (hit) or computed (miss)',
  labelNames: ['result'],
  registers: [metricsRegistry],
});
