#!/usr/bin/env bash
# Runs plugnet's bench right beside ../shared/peers (the hand-written Java loop and PyTorch), one after the
# other, and prints the table of docs/performance.md: medians of each program's timed windows, and ratios.
#   benchmarks/peers-table.sh [PEERS_DIR]       (default: ../shared/peers next to the repository)
# Needs a built app (./plugnet builds it) and python3; torch rows need python3-torch.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers=${1:-$root/../shared/peers}
[ -x "$peers/run.sh" ] || peers=/work/shared/peers
out=$(mktemp -d)
run() { # name command...
  local name=$1; shift
  echo "… $name" >&2
  "$@" > "$out/$name.jsonl" 2>/dev/null || echo "{\"failed\": true}" > "$out/$name.jsonl"
}
for w in W1 W2 W3; do
  case $w in W1) wl=seed;; W2) wl=digits;; W3) wl=wide;; esac
  run "java-$w" "$peers/run.sh" java $w
  run "plugnet-$w-t1" "$root/plugnet" bench --workload $wl --threads 1 --json --seconds 1 --windows 5
  run "plugnet-$w-t2" "$root/plugnet" bench --workload $wl --threads 2 --json --seconds 1 --windows 5
  run "torch-$w-t1" "$peers/run.sh" torch $w --threads 1
  run "torch-$w-t2" "$peers/run.sh" torch $w --threads 2
done
python3 - "$out" <<'PY'
import json, sys, statistics, pathlib
d = pathlib.Path(sys.argv[1])
def windows(name):
    rows = []
    for line in (d / f"{name}.jsonl").read_text().splitlines():
        line = line.strip()
        if not line.startswith("{"): continue
        j = json.loads(line)
        if j.get("kind") == "window": rows.append(j)
        elif "samples_per_s_min" in j: rows.append(j)
    return rows
flop = {"W1": 6*(5*4+4*3), "W2": 6*(64*32+32*10), "W3": 6*(784*256+256*10)}
print("| workload | hand-written Java | PyTorch 1 thread | PyTorch 2 threads | plugnet 1 thread | plugnet 2 threads | plugnet ÷ Java | plugnet ÷ best PyTorch | bytes/step |")
print("|---|---|---|---|---|---|---|---|---|")
for w in ["W1", "W2", "W3"]:
    med = {}
    spread = {}
    for name in ["java", "torch-t1", "torch-t2", "plugnet-t1", "plugnet-t2"]:
        who, _, t = name.partition("-")
        key = f"{who}-{w}" + (f"-{t}" if t else "")
        rows = windows(key)
        if not rows: med[name] = None; continue
        if who == "plugnet":
            med[name] = rows[0]["samples_per_s"]
            spread[name] = (rows[0]["samples_per_s_min"], rows[0]["samples_per_s_max"], rows[0]["bytes_per_step"])
        else:
            v = sorted(r["samples_per_s"] for r in rows)
            med[name] = statistics.median(v)
            spread[name] = (v[0], v[-1], None)
    def cell(name):
        m = med.get(name)
        if m is None: return "—"
        lo, hi, _ = spread[name]
        g = m * flop[w] / 1e9
        return f"{m:,.0f}/s ({g:.2f} GFLOP/s; {lo:,.0f}–{hi:,.0f})"
    best_p = max([m for m in (med.get("plugnet-t1"), med.get("plugnet-t2")) if m] or [0])
    best_t = max([m for m in (med.get("torch-t1"), med.get("torch-t2")) if m] or [0])
    java = med.get("java") or 0
    bytes_ = spread.get("plugnet-t1", (0, 0, None))[2]
    print(f"| {w} | {cell('java')} | {cell('torch-t1')} | {cell('torch-t2')} | {cell('plugnet-t1')} | {cell('plugnet-t2')} | "
          f"{best_p / java if java else float('nan'):.2f}× | {best_p / best_t if best_t else float('nan'):.2f}× | {bytes_} |")
PY
echo "raw JSON lines: $out" >&2
