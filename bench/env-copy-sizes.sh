#!/usr/bin/env bash
# The env copy of a production upgrade on an env of a real Lino site's size, where the demo's small
# simulated env cannot show the difference: FILES files of about KIB KiB each in a tree like
# site-packages (the default, 20000 files of 16 KiB, is about 320 MB, the size of a Lino env with
# its dependencies). Times RUNS times each of
#   cp -a   (conductor.rollback.env-copy: full),
#   cp -al  (conductor.rollback.env-copy: hardlink),
#   the roll-back's two renames (env aside, copy in place),
# with the page cache warm (the env was just read), and prints min, median and max and the space
# each copy takes (du). Works in a temporary directory beside TMPDIR and removes it.
# Usage: bench/env-copy-sizes.sh [RUNS] [FILES] [KIB]
set -euo pipefail
RUNS=${1:-5}
FILES=${2:-20000}
KIB=${3:-16}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/env" "$FILES" "$KIB" <<'PY'
import os, sys
root, files, kib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = os.urandom(1024)
for n in range(files):
    directory = os.path.join(root, "lib/python3.11/site-packages", "pkg%03d" % (n // 200), "mod%02d" % (n % 200 // 20))
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "file%05d.py" % n), "wb") as f:
        f.write(block * kib)
PY
du -sk "$work/env" >/dev/null # warm the cache

ms() { local start; start=$(date +%s%N); "$@"; echo $(( ($(date +%s%N) - start) / 1000000 )); }
report() {
  python3 -c '
import statistics, sys
values = sorted(int(v) for v in sys.argv[2:])
print(f"{sys.argv[1]:<34} ms: min {values[0]:>6}  median {statistics.median(values):>6.0f}  max {values[-1]:>6}")
' "$@"
}

full=() hard=() renames=()
for _ in $(seq "$RUNS"); do
  full+=("$(ms cp -a -- "$work/env" "$work/full")")
  hard+=("$(ms cp -a -l -- "$work/env" "$work/hard")")
  # du counts a file linked twice once: the second figure is what only the copy takes
  full_kib=$(du -sk "$work/env" "$work/full" | tail -1 | cut -f1)
  hard_kib=$(du -sk "$work/env" "$work/hard" | tail -1 | cut -f1)
  renames+=("$(ms bash -c 'mv -T -- "$1/env" "$1/aside" && mv -T -- "$1/full" "$1/env"' _ "$work")")
  rm -rf "$work/aside" "$work/hard"
done
echo "env of $FILES files, $(du -sk "$work/env" | cut -f1) KiB, $RUNS runs"
report "cp -a (full copy)" "${full[@]}"
report "cp -al (hard-link copy)" "${hard[@]}"
report "roll-back: two renames" "${renames[@]}"
echo "space the copy takes of its own: full ${full_kib} KiB, hard-link ${hard_kib} KiB"
