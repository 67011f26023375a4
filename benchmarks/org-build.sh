#!/usr/bin/env bash
# Measures `evidence build` on a synthetic organisation (issue 13): N AWS accounts × R regions, its evidence
# as the bulk plan writes it (a compliance summary per rule and source, rows only for non-compliant resources,
# about 2% of resources failing). Prints wall-clock time, CPU time, peak memory (max RSS), pages and size per
# format, and the load average.
#
#   benchmarks/org-build.sh                          # 100 accounts × 17 regions; pdf and docx
#   ACCOUNTS=1000 FORMATS=pdf benchmarks/org-build.sh  # the stress shape
#
# Environment: ACCOUNTS (default 100), REGIONS (default 17), FORMATS (default "pdf docx"), WORK (a scratch
# folder, default a new temp folder, removed afterwards unless KEEP=1).
# Target (issue 13): the 100 × 17 build within 60 s and 1 GB peak memory, PDF and DOCX each, on 2 cores.
# On a shared machine wall-clock time measures the other jobs as much as the build, so CPU seconds are given too.
set -euo pipefail

ACCOUNTS="${ACCOUNTS:-100}"
REGIONS="${REGIONS:-17}"
FORMATS="${FORMATS:-pdf docx}"
AS_OF="2026-11-21T09:00:00Z"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-org.XXXXXX")}"
# shellcheck source=benchmarks/common.sh
source "$ROOT/benchmarks/common.sh"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
ws="$WORK/org-$ACCOUNTS"
echo "Generating an organisation of $ACCOUNTS accounts × $REGIONS regions ..." >&2
"$TIME" -v -o "$WORK/time-generate.txt" "${EVIDENCE[@]}" sample generate --accounts "$ACCOUNTS" --regions "$REGIONS" "$ws" >&2
read -r g_elapsed g_cpu g_rss < <(measure "$WORK/time-generate.txt")
manifest=$(ls "$ws"/evidence/runs/*/manifest.json)
results=("$(printf '%-9s  %10.1f  %8.1f  %10s  %6s  %10.1f' "generate" "$g_elapsed" "$g_cpu" "$g_rss" "–" "$(du -sb "$ws/evidence" | awk '{ print $1 / 1048576 }')")")

for format in $FORMATS; do
  out="$WORK/out-$format"
  log="$WORK/time-$format.txt"
  echo "Building $format ..." >&2
  status=0
  "$TIME" -v -o "$log" "${EVIDENCE[@]}" build "$ws" --as-of "$AS_OF" --format "$format" --output "$out" >&2 || status=$?
  read -r elapsed cpu rss < <(measure "$log")
  pages="–"
  binder=$(ls "$out"/*-Binder-*."$format" 2>/dev/null | head -1 || true)
  if [[ "$format" == pdf && -n "$binder" ]] && command -v pdfinfo >/dev/null; then
    ssp=$(ls "$out"/*-SSP-*.pdf | head -1)
    pages="$(pdfinfo "$binder" | awk '/^Pages:/ { print $2 }')+$(pdfinfo "$ssp" | awk '/^Pages:/ { print $2 }')"
  fi
  size=$(du -cb "$out"/* 2>/dev/null | tail -1 | cut -f1 || echo 0)
  results+=("$(printf '%-9s  %10.1f  %8.1f  %10s  %6s  %10.1f  exit %s' "$format" "$elapsed" "$cpu" "$rss" "$pages" "$(awk -v b="${size:-0}" 'BEGIN { print b / 1048576 }')" "$status")")
done

printf '\n%s accounts × %s regions: %s items in the run, manifest %.1f MB\n' "$ACCOUNTS" "$REGIONS" \
  "$(grep -c '"query":' "$manifest" || true)" "$(awk -v b="$(stat -c %s "$manifest")" 'BEGIN { print b / 1048576 }')"
printf '\n%-9s  %10s  %8s  %10s  %6s  %10s\n' "step" "elapsed s" "cpu s" "max RSS MB" "pages" "output MB"
printf '%-9s  %10s  %8s  %10s  %6s  %10s\n' "---------" "----------" "--------" "----------" "------" "----------"
printf '%s\n' "${results[@]}"
printf '\n(pages: binder+SSP) load average (1, 5, 15 min) on %s cores: %s before, %s after\n' "$(nproc 2>/dev/null || echo "?")" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
