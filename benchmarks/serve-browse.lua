-- wrk script for benchmarks/serve.sh's load test. PATHS_FILE has one page a line, "kind path" (kind: dashboard,
-- family, control, evidence, reminders). Every request first picks a kind by MIX's weights (default: as people
-- click from the dashboard, mostly control and evidence pages) and then a page of that kind at random, so every
-- control and every evidence item is visited however many there are, in proportion to how often people open
-- that kind of page. The summary gives p50/p90/p95/p99, the errors, and requests per kind.
local mix = os.getenv("MIX") or "dashboard=10,family=10,control=35,evidence=40,reminders=5"
local pages, kinds, total = {}, {}, 0
for line in io.lines(os.getenv("PATHS_FILE")) do
  local kind, path = line:match("^(%S+) (%S+)$")
  if kind then
    pages[kind] = pages[kind] or {}
    table.insert(pages[kind], path)
  end
end
for kind, weight in mix:gmatch("(%w+)=(%d+)") do
  if pages[kind] and tonumber(weight) > 0 then
    total = total + tonumber(weight)
    table.insert(kinds, { kind = kind, upto = total })
  end
end
math.randomseed(42)

request = function()
  local roll = math.random(total)
  for _, k in ipairs(kinds) do
    if roll <= k.upto then
      local list = pages[k.kind]
      return wrk.format("GET", list[math.random(#list)])
    end
  end
end

done = function(summary, latency, requests)
  local ms = function(us) return string.format("%.1f ms", us / 1000) end
  io.write(string.format("mix: %s\n", mix))
  for kind, list in pairs(pages) do io.write(string.format("  %s: %d pages\n", kind, #list)) end
  io.write(string.format("requests: %d in %.1f s (%.0f/s)\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %s, p90 %s, p95 %s, p99 %s, max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d; answers not 2xx/3xx: %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
