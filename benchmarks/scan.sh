#!/usr/bin/env bash
# Measures the PHI and secret scanner's throughput: `evidence scan` over a generated corpus of SIZE_MB
# megabytes (default 200) in 1 MB files made of the sample workspace's own texts (raw AWS Config and Azure
# Policy pages, overlays, Markdown documents), with a few planted hits per file so the detectors' slow
# paths run too. Throughput is the corpus size over (the scan's time minus the time to scan one tiny file),
# so .NET start-up is not counted; the scanner runs on one thread, so CPU time is one core's.
#
#   benchmarks/scan.sh
#   SIZE_MB=50 REPEAT=1 benchmarks/scan.sh
#
# Environment: SIZE_MB, REPEAT (timed repetitions; the median is reported), WORK (scratch folder, removed
# afterwards unless KEEP=1), BIN (a folder holding a built evidence.dll, to skip the Release build).
# Target (issue 10): at least 50 MB/s on one core.
set -euo pipefail

SIZE_MB="${SIZE_MB:-200}"
REPEAT="${REPEAT:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-scan.XXXXXX")}"
TIME=/usr/bin/time
[[ -x "$TIME" ]] || { echo "scan.sh needs GNU time at $TIME (Debian: apt-get install time)" >&2; exit 2; }

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

if [[ -z "${BIN:-}" ]]; then
  echo "Building the CLI (Release) into $WORK/bin ..." >&2
  dotnet build "$ROOT/src/Evidence.Cli" -c Release -o "$WORK/bin" -v quiet -nologo >&2
  BIN="$WORK/bin"
fi

echo "Generating $SIZE_MB MB of corpus in $WORK/corpus ..." >&2
python3 - "$ROOT/samples/acme-health" "$WORK/corpus" "$SIZE_MB" <<'PY'
import os, pathlib, random, sys
sample, out, size_mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
rng = random.Random(10)
texts = [p.read_text() for p in sorted(sample.rglob("*")) if p.is_file() and p.suffix in (".json", ".jsonl", ".yaml", ".md")]
planted = ["patient SSN 219-09-9999 in a tag", "key AKIAIOSFODNN7EXAMPLE in use", "DOB: 1980-02-29", "call (212) 555-0199", "login from 203.0.113.41"]
out.mkdir(parents=True)
for i in range(size_mb):
    parts, n = [], 0
    while n < 1_000_000:
        t = rng.choice(texts)
        parts.append(t)
        n += len(t)
        if rng.random() < 0.01:
            parts.append(rng.choice(planted) + "\n")
    (out / f"part-{i:04d}.txt").write_text("".join(parts)[:1_000_000])
(out.parent / "tiny").mkdir()
(out.parent / "tiny" / "one.txt").write_text("nothing here\n")
PY

measure() {  # prints "wall cpu maxrss_kb" of the median run
  for _ in $(seq "$REPEAT"); do
    "$TIME" -f "%e %U %S %M" -o "$WORK/t" dotnet "$BIN/evidence.dll" scan "$1" > /dev/null 2>&1 || true
    tail -n 1 "$WORK/t" | awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }'
  done | sort -n | awk -v n="$REPEAT" 'NR == int((n + 1) / 2)'
}

read -r tiny_wall tiny_cpu _ < <(measure "$WORK/tiny")
read -r wall cpu rss < <(measure "$WORK/corpus")
bytes=$(du -sb "$WORK/corpus" | cut -f1)
echo
echo "| corpus | wall s | CPU s | start-up s (wall/CPU) | max RSS MB | MB/s (wall) | MB/s (CPU) |"
echo "|---|---|---|---|---|---|---|"
awk -v b="$bytes" -v w="$wall" -v c="$cpu" -v tw="$tiny_wall" -v tc="$tiny_cpu" -v r="$rss" 'BEGIN {
  mb = b / 1e6; printf "| %.0f MB | %.2f | %.2f | %.2f / %.2f | %.0f | %.1f | %.1f |\n", mb, w, c, tw, tc, r / 1024, mb / (w - tw), mb / (c - tc) }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
