#!/usr/bin/env bash
# Measures `evidence build` on large synthetic workspaces: wall-clock time and peak memory (max RSS)
# for each row count and format, printed as a table.
#
#   benchmarks/render.sh                       # 20k, 50k and 200k failing rows; pdf and docx
#   ROWS="20000" FORMATS="md" benchmarks/render.sh
#
# Environment: ROWS (space-separated row counts), FORMATS (space-separated formats), WORK (a scratch
# folder, default a new temp folder, removed afterwards unless KEEP=1).
# The quality bar (docs: PRODUCT.md) is 200,000 rows to PDF and to DOCX each well under a minute on
# 2 cores, peak memory under 512 MB, time linear in rows.
# On a shared machine wall-clock time measures the other jobs as much as the build, so the table also
# gives CPU seconds (user + system) and the load average before and after the runs.
set -euo pipefail

ROWS="${ROWS:-20000 50000 200000}"
FORMATS="${FORMATS:-pdf docx}"
AS_OF="2026-11-21T09:00:00Z"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-bench.XXXXXX")}"
TIME=/usr/bin/time

if [[ ! -x "$TIME" ]]; then
  echo "render.sh needs GNU time at $TIME (Debian: apt-get install time)" >&2
  exit 2
fi

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

echo "Building the CLI (Release) into $WORK/bin ..." >&2
dotnet build "$ROOT/src/Evidence.Cli" -c Release -o "$WORK/bin" -v quiet -nologo >&2
EVIDENCE=(dotnet "$WORK/bin/evidence.dll")

# Seconds from GNU time's "Elapsed (wall clock) time" (h:mm:ss or m:ss.ss).
seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

results=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
for rows in $ROWS; do
  ws="$WORK/ws-$rows"
  echo "Generating a workspace with $rows failing rows ..." >&2
  "${EVIDENCE[@]}" sample generate --rows "$rows" "$ws" >&2
  for format in $FORMATS; do
    out="$WORK/out-$rows-$format"
    log="$WORK/time-$rows-$format.txt"
    echo "Building $format for $rows rows ..." >&2
    status=0
    "$TIME" -v -o "$log" "${EVIDENCE[@]}" build "$ws" --as-of "$AS_OF" --format "$format" --output "$out" >&2 || status=$?
    elapsed=$(seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")")
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s + 0 }' "$log")
    size=$(du -cb "$out"/* 2>/dev/null | tail -1 | cut -f1 || echo 0)
    results+=("$(printf '%9s  %-6s  %10.1f  %8.1f  %12.0f  %12.1f  %s' "$rows" "$format" "$elapsed" "$cpu" "$((rss_kb / 1024))" "$(awk -v b="${size:-0}" 'BEGIN { print b / 1048576 }')" "$status")")
  done
done

printf '\n%9s  %-6s  %10s  %8s  %12s  %12s  %s\n' "rows" "format" "elapsed s" "cpu s" "max RSS MB" "output MB" "exit"
printf '%9s  %-6s  %10s  %8s  %12s  %12s  %s\n' "---------" "------" "----------" "--------" "------------" "------------" "----"
printf '%s\n' "${results[@]}"
printf '\nload average (1, 5, 15 min) on %s cores: %s before, %s after\n' "$(nproc 2>/dev/null || echo "?")" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
