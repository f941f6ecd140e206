#!/usr/bin/env bash
# Benchmark (not a test): how `./ticket-router train` grows with the training set, beside the seed recipe
# (scikit-learn, src/bench/training/seed_recipe.py) trained on the same rows in the same run.
#   src/bench/train-scale.sh [TICKETS_CSV]      (default ../shared/data/tickets.csv)
# The sets are the CSV repeated up to the largest size, each row's body ending in a token of its own
# (src/bench/training/scale_data.py), first N rows per size. For every size it prints wall seconds, peak
# resident memory (GNU time) and the bundle's size for both, Ticket Router's seconds per stage, and the ratio
# of the two wall times. Nothing it writes is kept in the repository (OUT, default /tmp/train-scale).
# Settings (environment):
#   SIZES="4000 8000 16000 32000"   row counts
#   TRAIN_OPTS="..."                extra options for ./ticket-router train (e.g. "--bag-rows 0")
#   TICKET_ROUTER_JAVA_OPTS="..."   JVM options (the launcher's defaults otherwise)
#   SEED=0                          skip the seed recipe
# Needs GNU time (/usr/bin/time) and, for the seed recipe, Debian's python3-sklearn (scikit-learn 1.2.1, as the
# published baseline): sudo apt-get install -y time python3-sklearn
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$HERE/lib.sh"
TICKETS="${1:-$ROOT/../shared/data/tickets.csv}"
SIZES="${SIZES:-4000 8000 16000 32000}"
OUT="${OUT:-/tmp/train-scale}"
SEED="${SEED:-1}"
PYTHON="${PYTHON:-/usr/bin/python3}"
[ -x /usr/bin/time ] || { echo "GNU time is needed: sudo apt-get install -y time" >&2; exit 1; }
[ -r "$TICKETS" ] || { echo "no ticket CSV at $TICKETS (give its path)" >&2; exit 1; }
if [ "$SEED" = 1 ] && ! "$PYTHON" -c 'import sklearn' 2>/dev/null; then
  echo "the seed recipe needs scikit-learn: sudo apt-get install -y python3-sklearn (or SEED=0)" >&2
  exit 1
fi

mkdir -p "$OUT"
# shellcheck disable=SC2086
"$PYTHON" "$HERE/training/scale_data.py" "$TICKETS" "$OUT/data" $SIZES
"$ROOT/ticket-router" --version >/dev/null   # builds the tree first, so no build is timed

echo "# machine: $(machine), $(free -g | awk '/Mem/ {print $2}') GB, $(uname -sr)"
echo "# ticket-router train options: ${TRAIN_OPTS:-(defaults)}; JVM: ${TICKET_ROUTER_JAVA_OPTS:-(launcher defaults)}"
printf '%-7s | %9s %9s %8s | %9s %9s %8s | %6s | %s\n' rows tr_wall_s tr_rss_mb tr_mb seed_wall seed_rss seed_mb ratio \
  "Ticket Router seconds per stage"
for n in $SIZES; do
  data="$OUT/data/tickets-$n.csv"
  rm -rf "$OUT/bundle-$n"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$OUT/time-$n" "$ROOT/ticket-router" train --data "$data" --out "$OUT/bundle-$n" \
    ${TRAIN_OPTS:-} >"$OUT/train-$n.log" 2>&1 || { echo "train failed at $n rows, see $OUT/train-$n.log" >&2; exit 1; }
  read -r wall rss < <(tail -n 1 "$OUT/time-$n")
  size="$(du -sb "$OUT/bundle-$n" | cut -f1)"
  stages="$("$PYTHON" -c 'import json,sys; p=json.load(open(sys.argv[1])); print(" ".join(f"{k}={v}" for k,v in p["training_seconds"].items()))' "$OUT/bundle-$n/provenance.json")"
  swall=- srss=- smb=- ratio=-
  if [ "$SEED" = 1 ]; then
    rm -rf "$OUT/seed-$n"
    /usr/bin/time -f '%e %M' -o "$OUT/seed-time-$n" "$PYTHON" "$HERE/training/seed_recipe.py" "$OUT/seed-$n" "$data" \
      >"$OUT/seed-$n.log" 2>&1 || { echo "seed recipe failed at $n rows, see $OUT/seed-$n.log" >&2; exit 1; }
    read -r swall srss < <(tail -n 1 "$OUT/seed-time-$n")
    srss=$((srss / 1024))
    smb="$(du -sb "$OUT/seed-$n" | awk '{printf "%.1f", $1 / 1e6}')"
    ratio="$(awk -v a="$wall" -v b="$swall" 'BEGIN {printf "%.2f", a / b}')"
  fi
  printf '%-7s | %9s %9s %8s | %9s %9s %8s | %6s | %s\n' "$n" "$wall" "$((rss / 1024))" \
    "$(awk -v s="$size" 'BEGIN {printf "%.1f", s / 1e6}')" "$swall" "$srss" "$smb" "$ratio" "$stages"
done
echo "# wall: seconds from start to exit of the command, reading and writing included; rss: peak resident MB"
