-- One line per wrk run for bench/run.sh: requests/s, latency p50/p95/p99 in ms, errors (non-2xx included), bytes/request.
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, math.floor(summary.bytes / math.max(summary.requests, 1))))
end
