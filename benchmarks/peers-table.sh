#!/usr/bin/env bash
# Runs plugnet's bench on every compute backend right beside ../shared/peers (the hand-written Java loop and
# PyTorch in each thread configuration), one after the other, and prints the tables of docs/performance.md:
# medians of each program's timed windows, min–max, the 1-minute load before each run, and the goal ratios.
#   benchmarks/peers-table.sh [PEERS_DIR]       (default: ../shared/peers next to the repository)
# W3 also gets the BLAS-only step (benchmarks/w3-gemms.py, numpy) and a run with a CPU-bound process on the
# other core (started and stopped here, by its process id). Needs a built app (./plugnet builds it) and
# python3; the torch and BLAS-only rows need python3-torch (which brings numpy). Take figures on a quiet
# machine: the load column says how quiet it was.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers=${1:-$root/../shared/peers}
[ -x "$peers/run.sh" ] || peers=/work/shared/peers
out=$(mktemp -d)
hog=
trap '[ -n "$hog" ] && kill "$hog" 2>/dev/null || true' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
run() { # name command...
  local name=$1; shift
  echo "… $name (load $(load))" >&2
  load > "$out/$name.load"
  "$@" > "$out/$name.jsonl" 2>/dev/null || echo "{\"failed\": true}" > "$out/$name.jsonl"
}
torch() { # name blas-threads omp-threads torch-threads workload
  run "$1" env OPENBLAS_NUM_THREADS="$2" OMP_NUM_THREADS="$3" "$peers/run.sh" torch "$5" --threads "$4"
}
bench() { # name workload backend threads
  run "$1" "$root/plugnet" bench --workload "$2" --compute "$3" --threads "$4" --json --seconds 1 --windows 5
}
"$root/plugnet" --version > /dev/null   # builds the app first, outside any timing
for w in W1 W2 W3; do
  case $w in W1) wl=seed;; W2) wl=digits;; W3) wl=wide;; esac
  run "java-$w" "$peers/run.sh" java $w
  torch "torch-$w-b1o1t1" 1 1 1 $w
  torch "torch-$w-b2o1t1" 2 1 1 $w
  torch "torch-$w-b2o2t2" 2 2 2 $w
  for backend in java openblas auto; do
    for t in 1 2; do
      bench "plugnet-$w-$backend-t$t" $wl $backend $t
    done
  done
done
py=${PYTHON:-$(command -v -p python3)}   # the system interpreter, where Debian puts numpy and python3-torch
if "$py" -c 'import numpy' 2>/dev/null; then
  run "gemms-W3-t1" env OPENBLAS_NUM_THREADS=1 "$py" "$root/benchmarks/w3-gemms.py"
  run "gemms-W3-t2" env OPENBLAS_NUM_THREADS=2 "$py" "$root/benchmarks/w3-gemms.py"
fi
# the other core busy: one CPU-bound process, for as long as these runs take
timeout 300 bash -c 'while :; do :; done' &
hog=$!
sleep 1
bench "busy-plugnet-W3-auto-t2" wide auto 2
bench "busy-plugnet-W3-auto-t1" wide auto 1
bench "busy-plugnet-W3-openblas-t2" wide openblas 2
torch "busy-torch-W3-b2o1t1" 2 1 1 W3
kill "$hog" 2>/dev/null || true
hog=
python3 - "$out" <<'PY'
import json, sys, statistics, pathlib
d = pathlib.Path(sys.argv[1])
flop = {"W1": 6*(5*4+4*3), "W2": 6*(64*32+32*10), "W3": 6*(784*256+256*10)}
def result(name):
    f = d / f"{name}.jsonl"
    if not f.exists(): return None
    rows = []
    for line in f.read_text().splitlines():
        line = line.strip()
        if not line.startswith("{"): continue
        j = json.loads(line)
        if j.get("kind") == "window": rows.append(j["samples_per_s"])
        elif "samples_per_s_min" in j:
            return {"median": j["samples_per_s"], "lo": j["samples_per_s_min"], "hi": j["samples_per_s_max"],
                    "bytes": j.get("bytes_per_step"), "load": (d / f"{name}.load").read_text().strip()}
    if not rows: return None
    v = sorted(rows)
    return {"median": statistics.median(v), "lo": v[0], "hi": v[-1], "bytes": None,
            "load": (d / f"{name}.load").read_text().strip()}
def cell(w, r):
    if r is None: return "—"
    g = r["median"] * flop[w] / 1e9
    return f"{r['median']:,.0f}/s, {g:.2f} GFLOP/s ({r['lo']:,.0f}–{r['hi']:,.0f}; load {r['load']})"
def gf(w, r): return r["median"] * flop[w] / 1e9 if r else float("nan")
columns = [("hand-written Java", "java-{w}"),
           ("PyTorch BLAS 1, OMP 1, --threads 1", "torch-{w}-b1o1t1"),
           ("PyTorch BLAS 2, OMP 1, --threads 1", "torch-{w}-b2o1t1"),
           ("PyTorch BLAS 2, OMP 2, --threads 2", "torch-{w}-b2o2t2")]
for backend in ["java", "openblas", "auto"]:
    for t in [1, 2]:
        columns.append((f"plugnet {backend}, {t} thread{'s' if t == 2 else ''}", "plugnet-{w}-" + f"{backend}-t{t}"))
print("| program | W1 | W2 | W3 | bytes/step (W1, W2, W3) |")
print("|---|---|---|---|---|")
res = {}
for label, pattern in columns:
    cells = []
    bytes_ = []
    for w in ["W1", "W2", "W3"]:
        r = result(pattern.format(w=w))
        res[(label, w)] = r
        cells.append(cell(w, r))
        if r and r["bytes"] is not None: bytes_.append(f"{r['bytes']:.0f}")
    print(f"| {label} | " + " | ".join(cells) + f" | {', '.join(bytes_) if bytes_ else '—'} |")
for name, label in [("gemms-W3-t1", "the five GEMMs of a W3 step alone (numpy), BLAS 1 thread"),
                    ("gemms-W3-t2", "the five GEMMs of a W3 step alone (numpy), BLAS 2 threads"),
                    ("busy-plugnet-W3-auto-t2", "plugnet auto, 2 threads, the other core busy"),
                    ("busy-plugnet-W3-auto-t1", "plugnet auto, 1 thread, the other core busy"),
                    ("busy-plugnet-W3-openblas-t2", "plugnet openblas, 2 threads, the other core busy"),
                    ("busy-torch-W3-b2o1t1", "PyTorch BLAS 2, OMP 1, --threads 1, the other core busy")]:
    r = result(name)
    res[(label, "W3")] = r
    print(f"| {label} | | | {cell('W3', r)} | |")
print()
def ratio(a, b): return a / b if a == a and b == b and b else float("nan")
torch_best2 = max(gf("W3", res[(l, "W3")]) for l in ["PyTorch BLAS 2, OMP 1, --threads 1", "PyTorch BLAS 2, OMP 2, --threads 2", "PyTorch BLAS 1, OMP 1, --threads 1"] if res[(l, "W3")])
torch1 = gf("W3", res[("PyTorch BLAS 1, OMP 1, --threads 1", "W3")])
auto1 = gf("W3", res[("plugnet auto, 1 thread", "W3")])
auto2 = gf("W3", res[("plugnet auto, 2 threads", "W3")])
g1 = gf("W3", result("gemms-W3-t1")); g2 = gf("W3", result("gemms-W3-t2"))
busy2 = gf("W3", result("busy-plugnet-W3-auto-t2")); busy1 = gf("W3", result("busy-plugnet-W3-auto-t1"))
print(f"W3 2 threads: plugnet auto {auto2:.1f} GFLOP/s = {ratio(auto2, torch_best2):.2f}× PyTorch's best ({torch_best2:.1f}), {ratio(auto2, g2):.2f}× the BLAS-only step ({g2:.1f})")
print(f"W3 1 thread: plugnet auto {auto1:.1f} GFLOP/s = {ratio(auto1, torch1):.2f}× PyTorch on one thread ({torch1:.1f}), {ratio(auto1, g1):.2f}× the BLAS-only step ({g1:.1f})")
print(f"W3 2 threads, other core busy: {busy2:.1f} GFLOP/s (1 thread, busy: {busy1:.1f}; quiet 1 thread: {auto1:.1f})")
for w in ["W1", "W2"]:
    java = res[("hand-written Java", w)]
    best = max((res[(f"plugnet auto, {t} thread{'s' if t == 2 else ''}", w)] or {"median": 0})["median"] for t in [1, 2])
    print(f"{w}: plugnet auto {ratio(best, java['median'] if java else float('nan')):.2f}× the hand-written loop")
PY
echo "raw JSON lines: $out" >&2
