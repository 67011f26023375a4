#!/usr/bin/env bash
# Issue #13: collection at organisation scale against the loopback fake AWS Config (see benchmarks/README.md).
#   benchmarks/organization.sh dry-run [ACCOUNTS]   # the estimate for ACCOUNTS x 17 regions (default 1000), its time and memory
#   benchmarks/organization.sh collect [ACCOUNTS]   # collects ACCOUNTS x 17 (default 100) end to end, rate-limited at 10/s burst 20
# The workspace (and, after collect, its run) stays in $OUT (default /tmp/evidence-org-ACCOUNTS) for `evidence build`.
# For the collect's wall time give OUT a folder not just emptied (OUT=/var/tmp/evorg-$RANDOM): creating files where the
# previous run's 226,000 were just deleted costs ext4 seconds more (benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-dry-run}
ACCOUNTS=${2:-$([ "$MODE" = collect ] && echo 100 || echo 1000)}
REGIONS=${REGIONS:-17}
OUT=${OUT:-/tmp/evidence-org-$ACCOUNTS}
AS_OF=${AS_OF:-2026-11-20T06:00:00Z}
CLI=src/Evidence.Cli/bin/Release/net10.0/evidence.dll
BENCH=benchmarks/Evidence.Benchmarks.Collect/bin/Release/net10.0/Evidence.Benchmarks.Collect.dll
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
[ -n "${NO_BUILD:-}" ] || { dotnet build -c Release src/Evidence.Cli -v q -nologo >/dev/null; dotnet build -c Release benchmarks/Evidence.Benchmarks.Collect -v q -nologo >/dev/null; }
rm -rf "$OUT"
dotnet "$BENCH" workspace --from samples/acme-health --to "$OUT" --accounts "$ACCOUNTS" --regions "$REGIONS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$MODE" = dry-run ]; then
  /usr/bin/time -f 'wall %e s, user %U s, system %S s, peak memory %M KB' dotnet "$CLI" collect "$OUT" --aws --dry-run --json > "$OUT.dry-run.json"
  cat "$OUT.dry-run.json"
  exit 0
fi

# The fake serves the organisation until this script stops it (by its own process id).
dotnet "$BENCH" serve --workspace "$OUT" --accounts "$ACCOUNTS" --regions "$REGIONS" --rate 10 --burst 20 > "$OUT.server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q '^endpoint ' "$OUT.server.log" 2>/dev/null; do sleep 1; done
head -1 "$OUT.server.log"
ENDPOINT=$(sed -n 's/^endpoint //p' "$OUT.server.log")
dotnet "$CLI" collect "$OUT" --aws --dry-run --json > "$OUT.dry-run.json"
AWS_ENDPOINT_URL_CONFIG_SERVICE=$ENDPOINT AWS_ACCESS_KEY_ID=AKIAFAKEEVIDENCE0001 AWS_SECRET_ACCESS_KEY=fake/secret/for/tests/only/0000000000001 \
  /usr/bin/time -f 'wall %e s, user %U s, system %S s, peak memory %M KB' dotnet "$CLI" collect "$OUT" --aws --aws-rate 10 --as-of "$AS_OF" 2>&1 | tail -8
RUN=$(ls -d "$OUT"/evidence/runs/*/ | tail -1)
echo "estimate: $(python3 -c "import json;d=json.load(open('$OUT.dry-run.json'));print(d['estimated_calls'],'calls,',d['estimated_seconds'],'s')")"
echo "non-compliant rows stored: $(cat "$RUN"/results/*.jsonl 2>/dev/null | grep -c NON_COMPLIANT || true)"
echo "run: $RUN"
