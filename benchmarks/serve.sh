#!/usr/bin/env bash
# Latency of 'evidence serve' pages, Release build, loopback, with wrk.
#
#   benchmarks/serve.sh [seconds] [connections]        # the sample workspace, three pages one at a time
#   ROWS=200000 USERS=200 benchmarks/serve.sh 60        # the load test: a synthetic workspace with ROWS failing
#                                                       # evidence rows, USERS connections browsing for 60 s
#
# The load test generates the workspace with 'evidence sample generate --rows', reads the dashboard and family
# pages to find every family, control and evidence page, and has wrk pick a kind of page by MIX's weights and then
# one page of that kind at random for every request (benchmarks/serve-browse.lua), as users clicking around would. It prints p50/p90/p95/p99, requests/s,
# errors and non-2xx answers, the server's peak memory, and the load average before and after.
# With WORK=folder KEEP=1 REBUILD=0 a second run reuses the Release build and the generated workspace there.
# Needs wrk. PORT (default 5197) and WORK (scratch folder; KEEP=1 keeps it) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-20}
connections=${2:-${USERS:-16}}
port=${PORT:-5197}
rows=${ROWS:-}
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-serve.XXXXXX")}
dll=$work/bin/evidence.dll
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; [ "${KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
if [ ! -f "$dll" ] || [ "${REBUILD:-1}" = 1 ]; then
  echo "Building the CLI (Release) into $work/bin ..." >&2
  dotnet build src/Evidence.Cli -c Release -o "$work/bin" -nologo -v q >&2
fi
# The sample's instant, which the generated workspace keeps too ('sample generate' says so in its "Try:" line):
# the run folder's name is when the run started, before its answers were collected, so judging as of it would
# leave every answer out as not yet collected.
as_of=2026-11-21T09:00:00Z
if [ -n "$rows" ] && [ -f "$work/ws/evidence.yaml" ]; then
  echo "Reusing the workspace in $work/ws" >&2
elif [ -n "$rows" ]; then
  echo "Generating a workspace with $rows failing rows ..." >&2
  dotnet "$dll" sample generate --rows "$rows" "$work/ws" >&2
else
  cp -r samples/acme-health "$work/ws"
  rm -rf "$work/ws/recordings" "$work/ws/.evidence"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$dll" serve "$work/ws" --port "$port" --as-of "$as_of" > "$work/serve.log" 2>&1 &
server=$!
start=$(date +%s.%N)
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/" -o "$work/dashboard.html" && break; sleep 0.25; done
echo "first page after $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s (start-up and judging the workspace)"
if [ -z "$rows" ]; then
  for path in / "/controls/164.308(a)(1)(ii)(A)" /families/technical; do
    echo "== $path ($connections connections, ${seconds}s)"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%"
  done
else
  # Every page a user can reach from the dashboard in two clicks: families, their controls, and the evidence they cite.
  links() { grep -o "href=\"/$1/[^\"]*\"" | cut -d'"' -f2 | sort -u || true; }
  links families < "$work/dashboard.html" > "$work/families.txt"
  while read -r family; do curl -sf "http://127.0.0.1:$port$family"; done < "$work/families.txt" | links controls > "$work/controls.txt"
  while read -r control; do curl -sf "http://127.0.0.1:$port$control"; done < "$work/controls.txt" | links evidence > "$work/evidence.txt"
  { echo "dashboard /"; echo "reminders /reminders"; sed 's/^/family /' "$work/families.txt"; sed 's/^/control /' "$work/controls.txt"; sed 's/^/evidence /' "$work/evidence.txt"; } \
    | sed 's/&amp;/\&/g' > "$work/all.txt"
  echo "browsing $(wc -l < "$work/families.txt") families, $(wc -l < "$work/controls.txt") controls and every one of the $(wc -l < "$work/evidence.txt") evidence items they cite, the dashboard and reminders; mix ${MIX:-dashboard=10,family=10,control=35,evidence=40,reminders=5} (percent of requests by kind)"
  PATHS_FILE="$work/all.txt" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s benchmarks/serve-browse.lua "http://127.0.0.1:$port"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server peak memory: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$server/status")"
