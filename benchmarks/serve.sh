#!/usr/bin/env bash
# Latency of 'evidence serve' pages on the sample workspace, Release build, loopback, with wrk.
# Usage: benchmarks/serve.sh [seconds] [connections]   (needs wrk; the Release build is made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-16}
port=${PORT:-5197}
dll=src/Evidence.Cli/bin/Release/net10.0/evidence.dll
[ -f "$dll" ] || dotnet build src/Evidence.Cli -c Release -nologo -v q
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r samples/acme-health "$work/ws"
rm -rf "$work/ws/recordings" "$work/ws/.evidence"
dotnet "$dll" serve "$work/ws" --port "$port" --as-of 2026-11-21T09:00:00Z > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.2; done
for path in / "/controls/164.308(a)(1)(ii)(A)" /families/technical; do
  echo "== $path ($connections connections, ${seconds}s)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%"
done
