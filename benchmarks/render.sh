#!/usr/bin/env bash
# Measures `evidence build` on large synthetic workspaces: wall-clock time and peak memory (max RSS)
# for each row count and format, printed as a table.
#
#   benchmarks/render.sh                       # 20k, 50k and 200k failing rows; pdf and docx
#   ROWS="20000" FORMATS="md" benchmarks/render.sh
#   ROWS="" TEXT="baseline statement error lines" benchmarks/render.sh   # the large-text cases only
#
# TEXT (default: all four) adds builds of the sample workspace with one large text in it, each of which was
# quadratic once (issue 12): "statement", a 1 MB implementation statement of Markdown punctuation (* _ | \ ` [);
# "error", a 1 MB cloud error message of "&amp;"; "lines", an SSP template writing a 20,000-line paragraph;
# "baseline", the sample as it is. Their time should be the baseline's plus about 2 s.
# "fallback" (not in the default list) puts CJK text, emoji, a flag and a ZWJ family in every administrative
# statement: what setting text in the fallback fonts costs.
#
# Environment: ROWS (space-separated row counts), FORMATS (space-separated formats), WORK (a scratch
# folder, default a new temp folder, removed afterwards unless KEEP=1).
# The quality bar (docs: PRODUCT.md) is 200,000 rows to PDF and to DOCX each well under a minute on
# 2 cores, peak memory under 512 MB, time linear in rows.
# On a shared machine wall-clock time measures the other jobs as much as the build, so the table also
# gives CPU seconds (user + system) and the load average before and after the runs.
set -euo pipefail

ROWS="${ROWS-20000 50000 200000}"
TEXT="${TEXT-baseline statement error lines}"
FORMATS="${FORMATS:-pdf docx}"
AS_OF="2026-11-21T09:00:00Z"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-bench.XXXXXX")}"
# shellcheck source=benchmarks/common.sh
source "$ROOT/benchmarks/common.sh"

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
    read -r elapsed cpu rss < <(measure "$log")
    size=$(du -cb "$out"/* 2>/dev/null | tail -1 | cut -f1 || echo 0)
    results+=("$(printf '%9s  %-6s  %10.1f  %8.1f  %12.0f  %12.1f  %s' "$rows" "$format" "$elapsed" "$cpu" "$rss" "$(awk -v b="${size:-0}" 'BEGIN { print b / 1048576 }')" "$status")")
  done
done

# One large text in a copy of the sample workspace; prints the extra build arguments the case needs.
prepare_text_case() {
  local case="$1" ws="$2"
  rm -rf "$ws"
  cp -R "$ROOT/samples/acme-health" "$ws"
  case "$case" in
    baseline) ;;
    statement)
      # The first statement of the administrative overlay, as one single-quoted line of 1 MB.
      perl -0pi -e 'my $u = q{* _ | \\ ` [ }; my $big = $u x int(1048576 / length($u)); s/statement: >-\n(?:      .*\n)+/statement: \x27$big\x27\n/' "$ws/controls/administrative.yaml" ;;
    error)
      # The failed query's error message in the latest run (the manifest is not itself hashed).
      perl -0pi -e 'my $big = q{&amp;} x int(1048576 / 5); s/("message": ")[^"]*"/$1$big"/' "$(ls -d "$ws"/evidence/runs/*/ | tail -1)manifest.json" ;;
    fallback)
      # Text the body font lacks in every control of the administrative overlay: CJK and emoji, a flag
      # and a ZWJ family, so the PDF sets them in the fallback fonts (the CJK face is converted on the way).
      perl -CSD -0pi -e 's/(statement: >-\n)/$1      Clinics: \x{4E2D}\x{6587}\x{8A3A}\x{6240}, \x{65E5}\x{672C}\x{8A9E}\x{306E}\x{30AF}\x{30EA}\x{30CB}\x{30C3}\x{30AF}, \x{D55C}\x{AD6D}\x{C5B4} \x{BCD1}\x{C6D0} \x{1F600} \x{1F1FA}\x{1F1F8} \x{1F468}\x{200D}\x{1F469}\x{200D}\x{1F467}.\n/g' "$ws/controls/administrative.yaml" ;;
    lines)
      mkdir -p "$ws/bench-templates"
      printf '%s\n' '# System Security Plan' '' '{{ for i in 1..20000 }}line {{ i }} of a template that writes one line per resource, \*escaped\*' '{{ end }}' > "$ws/bench-templates/ssp.md.scriban"
      echo "--template-dir $ws/bench-templates --only ssp" ;;
    *) echo "unknown TEXT case '$case'" >&2; exit 2 ;;
  esac
}

for case in $TEXT; do
  ws="$WORK/ws-text-$case"
  extra=$(prepare_text_case "$case" "$ws")
  for format in $FORMATS; do
    out="$WORK/out-text-$case-$format"
    log="$WORK/time-text-$case-$format.txt"
    echo "Building $format for the $case text case ..." >&2
    status=0
    # shellcheck disable=SC2086 # $extra is a list of arguments
    "$TIME" -v -o "$log" "${EVIDENCE[@]}" build "$ws" --as-of "$AS_OF" --format "$format" --output "$out" $extra >&2 || status=$?
    read -r elapsed cpu rss < <(measure "$log")
    size=$(du -cb "$out"/* 2>/dev/null | tail -1 | cut -f1 || echo 0)
    results+=("$(printf '%9s  %-6s  %10.1f  %8.1f  %12.0f  %12.1f  %s' "$case" "$format" "$elapsed" "$cpu" "$rss" "$(awk -v b="${size:-0}" 'BEGIN { print b / 1048576 }')" "$status")")
  done
done

printf '\n%9s  %-6s  %10s  %8s  %12s  %12s  %s\n' "rows/case" "format" "elapsed s" "cpu s" "max RSS MB" "output MB" "exit"
printf '%9s  %-6s  %10s  %8s  %12s  %12s  %s\n' "---------" "------" "----------" "--------" "------------" "------------" "----"
printf '%s\n' "${results[@]}"
printf '\nload average (1, 5, 15 min) on %s cores: %s before, %s after\n' "$(nproc 2>/dev/null || echo "?")" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
