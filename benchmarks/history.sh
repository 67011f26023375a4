#!/usr/bin/env bash
# Measures `evidence check` and `evidence status` as the evidence store grows: the sample workspace with
# its latest run alone, and with RUNS runs (default 300: six years of weekly collection), each older run a
# copy of the latest one dated a week earlier (its files hard-linked; only the manifest is rewritten). Also
# `check` on the sample as shipped (three runs) and on a synthetic workspace of SYNTHETIC failing rows.
#
#   benchmarks/history.sh
#   RUNS=100 REPEAT=5 SYNTHETIC=0 benchmarks/history.sh      # SYNTHETIC=0 skips the synthetic workspace
#
# Environment: RUNS, REPEAT (timed repetitions per row; the table gives the median), SYNTHETIC (rows,
# default 200000), WORK (scratch folder, removed afterwards unless KEEP=1), BIN (a folder holding a built
# evidence.dll, to skip the Release build).
# "first" rows have no folded history (.evidence/history.json, removed before each repetition): every run is
# read, as on the first check after a clone; the plain rows read it. "new checkout" gives every manifest a new
# write time, so the folded history is matched to the runs by their SHA-256.
# Targets (issue 8): with 300 runs `check` and `status` within 1.2x of their one-run time; `check` on the
# sample under 1 s after start-up (`--help` is start-up alone) and under 0.5 s of work; 200,000 rows
# under 10 s and 512 MB. The machine is shared: the table gives CPU seconds and the load average too.
set -euo pipefail

RUNS="${RUNS:-300}"
REPEAT="${REPEAT:-3}"
SYNTHETIC="${SYNTHETIC:-200000}"
AS_OF="2026-11-21T09:00:00Z"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLE="$ROOT/samples/acme-health"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/evidence-history.XXXXXX")}"
TIME=/usr/bin/time

if [[ ! -x "$TIME" ]]; then
  echo "history.sh needs GNU time at $TIME (Debian: apt-get install time)" >&2
  exit 2
fi

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

if [[ -z "${BIN:-}" ]]; then
  echo "Building the CLI (Release) into $WORK/bin ..." >&2
  dotnet build "$ROOT/src/Evidence.Cli" -c Release -o "$WORK/bin" -v quiet -nologo >&2
  BIN="$WORK/bin"
fi
EVIDENCE=(dotnet "$BIN/evidence.dll")

latest=$(ls "$SAMPLE/evidence/runs" | sort | tail -1)
latest_date="${latest:0:4}-${latest:4:2}-${latest:6:2}"

# A workspace with the sample's files and its latest run, plus ($1 - 1) weekly copies of that run before it.
make_store() {
  local ws="$1" count="$2"
  mkdir -p "$ws/evidence/runs"
  (cd "$SAMPLE" && tar --exclude=./evidence -cf - .) | tar -xf - -C "$ws"
  cp -al "$SAMPLE/evidence/runs/$latest" "$ws/evidence/runs/$latest"
  for ((i = 1; i < count; i++)); do
    local day id
    day=$(date -u -d "$latest_date - $((7 * i)) days" +%Y-%m-%d)
    id="${day//-/}${latest:8}"
    cp -al "$SAMPLE/evidence/runs/$latest" "$ws/evidence/runs/$id"
    rm "$ws/evidence/runs/$id/manifest.json"
    sed -e "s/\"run_id\": \"$latest\"/\"run_id\": \"$id\"/" -e "s/\"$latest_date\(T[0-9:]*Z\)\"/\"$day\1\"/g" \
      "$SAMPLE/evidence/runs/$latest/manifest.json" > "$ws/evidence/runs/$id/manifest.json"
  done
}

# Seconds from GNU time's "Elapsed (wall clock) time" (h:mm:ss or m:ss.ss).
seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

results=()
# Times "$@" REPEAT times; one table row with the median wall time, its CPU time and the largest max RSS.
measure() {
  local label="$1"; shift
  local walls=() cpus=() rss=0 status=0
  for ((r = 0; r < REPEAT; r++)); do
    local log="$WORK/time.txt"
    status=0
    [[ -n "${COLD:-}" ]] && rm -rf "$COLD/.evidence"   # no folded history: every run is read
    "$TIME" -v -o "$log" "${EVIDENCE[@]}" "$@" >/dev/null 2>&1 || status=$?
    walls+=("$(seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")")")
    cpus+=("$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s + 0 }' "$log")")
    local kb; kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    ((kb > rss)) && rss=$kb
  done
  local median_index=$((REPEAT / 2))
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$((median_index + 1))p")
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$((median_index + 1))p")
  results+=("$(printf '%-34s  %9.2f  %7.2f  %10.0f  %s' "$label" "$wall" "$cpu" "$((rss / 1024))" "$status")")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "Writing stores of 1 and $RUNS runs ..." >&2
make_store "$WORK/runs-1" 1
make_store "$WORK/runs-$RUNS" "$RUNS"

measure "start-up (--help)" --help
measure "check, sample (3 runs)" check "$SAMPLE" --as-of "$AS_OF"
for n in 1 "$RUNS"; do
  COLD="$WORK/runs-$n" measure "check, $n run(s), first" check "$WORK/runs-$n" --as-of "$AS_OF"
  measure "check, $n run(s)" check "$WORK/runs-$n" --as-of "$AS_OF"
  measure "status, $n run(s)" status "$WORK/runs-$n" --as-of "$AS_OF"
done
# A new run on top of the folded history: only it (and the runs evaluation judges) is read.
touch -d "$latest_date" "$WORK/runs-$RUNS"/evidence/runs/*/manifest.json   # a fresh checkout's write times: the hashes decide
measure "check, $RUNS run(s), new checkout" check "$WORK/runs-$RUNS" --as-of "$AS_OF"
if [[ "$SYNTHETIC" != 0 ]]; then
  echo "Generating a workspace with $SYNTHETIC failing rows ..." >&2
  "${EVIDENCE[@]}" sample generate --rows "$SYNTHETIC" "$WORK/synthetic" >&2
  measure "check, $SYNTHETIC rows" check "$WORK/synthetic" --as-of "$AS_OF"
fi

printf '\n%-34s  %9s  %7s  %10s  %s\n' "command" "wall s" "cpu s" "max RSS MB" "exit"
printf '%-34s  %9s  %7s  %10s  %s\n' "----------------------------------" "---------" "-------" "----------" "----"
printf '%s\n' "${results[@]}"
printf '\nmedian of %s runs each; load average (1, 5, 15 min) on %s cores: %s before, %s after\n' "$REPEAT" "$(nproc 2>/dev/null || echo "?")" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
