-- wrk script for benchmarks/serve.sh's load test: every request asks for a page picked at random from
-- PATHS_FILE (one path a line), and the summary gives p50/p90/p95/p99 and the errors.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(42)

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local ms = function(us) return string.format("%.1f ms", us / 1000) end
  io.write(string.format("requests: %d in %.1f s (%.0f/s)\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %s, p90 %s, p95 %s, p99 %s, max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d; answers not 2xx/3xx: %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
