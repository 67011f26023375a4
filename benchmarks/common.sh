# Sourced by the benchmark scripts, after they set ROOT (the repository) and WORK (a scratch folder):
# checks for GNU time, removes WORK on exit unless KEEP=1, builds the CLI (Release) into WORK/bin as
# EVIDENCE, and reads GNU time's log.

TIME=/usr/bin/time

if [[ ! -x "$TIME" ]]; then
  echo "$(basename "$0") needs GNU time at $TIME (Debian: apt-get install time)" >&2
  exit 2
fi

cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

echo "Building the CLI (Release) into $WORK/bin ..." >&2
dotnet build "$ROOT/src/Evidence.Cli" -c Release -o "$WORK/bin" -v quiet -nologo >&2
EVIDENCE=(dotnet "$WORK/bin/evidence.dll")

# Seconds from GNU time's "Elapsed (wall clock) time" (h:mm:ss or m:ss.ss).
seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

# A GNU time log → "elapsed_s cpu_s max_rss_mb" (cpu: user + system).
measure() {
  local log="$1"
  local elapsed rss_kb cpu
  elapsed=$(seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s + 0 }' "$log")
  echo "$elapsed $cpu $((rss_kb / 1024))"
}
