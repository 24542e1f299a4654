-- Shared by the load benchmark's wrk scripts: the bearer token from the environment, and one result line that
-- bench/load.sh reads (wrk's own --latency report stops at p99).
token = os.getenv("TOKEN")

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.max / 1000, summary.requests, errors))
end
