#!/usr/bin/env bash
# Regenerates src/ChargerController.Worker/Memory/chargerd.order, the method order of the Native AOT chargerd
# (docs/PERFORMANCE.md, "chargerd memory (session 6)"):
#
#   bench/method-order/profile.sh [--seconds N]
#
# 1. publishes a reachability-instrumented chargerd (ILC `--reachabilityinstrument`: every method sets one byte of a
#    table on entry, and the table is written to ./reach.mprof at exit) and a normal chargerctl;
# 2. runs it twice, as the memory bench does (`--simulate --evses 2`, both EVSEs charging, no CSMS) and as a connected
#    station (`--simulate --demo`, the development CSMS, OCPP traffic); 35 s after start (start-up over, as when the
#    start-up trim runs) it copies the table (the start-up methods) and clears it; after N s (default 150) of charging
#    SIGTERM writes what ran since;
# 3. orders the methods that ran while charging first, then those only start-up ran;
# 4. publishes chargerd with that order, runs both scenarios again with the real start-up trim (which evicts the
#    executable's pages) and reads which code pages came back while charging: on pages outside the ordered methods
#    this finds the code the instrumentation has no byte for (shared generic code, stubs), which goes first.
#    The rest follows in the compiler's own order. Methods renamed or added later are simply not listed (ILC ignores names it does not
#    find): rerun this after larger changes to the code that runs while charging.
# Needs root (or ptrace rights) for /proc/PID/mem, python3, binutils (objdump, nm, readelf); x64 only (the order is
# used for arm64 too: the method names are the same).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=150
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
py="python3 $repo/bench/method-order/method_order.py"

echo "== publishing the instrumented chargerd"
dotnet publish "$repo/src/ChargerController.Worker/ChargerController.Worker.csproj" -c Release -r linux-x64 \
  -p:PublishAot=true -p:LinkerFlavor=lld -p:_InstrumentReachability=true -p:IlcTreatWarningsAsErrors=false \
  -p:IlcOrderFile= -o "$work/bin" -nologo >"$work/publish.log" || { cat "$work/publish.log"; exit 1; }
dotnet publish "$repo/src/ChargerController.Cli/ChargerController.Cli.csproj" -c Release -r linux-x64 \
  -p:PublishAot=true -p:LinkerFlavor=lld -o "$work/bin" -nologo >>"$work/publish.log" || { cat "$work/publish.log"; exit 1; }
exe=$work/bin/chargerd
$py flags "$exe" "$exe.dbg" "$work/flags"

# run NAME ARGS...: one profiled run in its own directory (reach.mprof is written to the working directory).
run() {
  local name=$1; shift
  local dir=$work/$name
  mkdir -p "$dir"
  (cd "$dir" && exec env DOTNET_gcServer=0 DOTNET_GCgen0size=200000 DOTNET_gcConcurrent=0 \
    CHARGERD_Chargerd__FreeVend=true CHARGERD_Chargerd__DemoChargingSeconds=$((seconds + 60)) \
    "$exe" --simulate --evses 2 --state-dir "$dir/state" --control-socket "$dir/sock" "$@" >"$dir/out" 2>&1) &
  local pid=$!
  pids+=("$pid")
  sleep 35
  $py snapshot "$pid" "$exe" "$exe.dbg" "$work/flags" "$dir/startup"
  if [ "$name" = charging ]; then
    "$work/bin/chargerctl" --socket "$dir/sock" sim plug 1 >/dev/null
    "$work/bin/chargerctl" --socket "$dir/sock" sim plug 2 >/dev/null
  fi
  sleep "$seconds"
  kill -TERM "$pid"
  wait "$pid" || { cat "$dir/out"; echo "chargerd did not exit cleanly" >&2; exit 1; }
  [ -s "$dir/reach.mprof" ] || { echo "no reach.mprof from the $name run" >&2; exit 1; }
}
echo "== profiling: charging without a CSMS, and the demo with the development CSMS ($seconds s each, side by side)"
run charging &
charging=$!
run demo --demo &
demo=$!
wait "$charging"
wait "$demo"
$py order "$work/flags" "$work/charging/reach.mprof,$work/demo/reach.mprof" "$work/charging/startup,$work/demo/startup" \
  "$work/first.order"

echo "== second pass: chargerd with the first order, pages touched while charging after the start-up trim"
dotnet publish "$repo/src/ChargerController.Worker/ChargerController.Worker.csproj" -c Release -r linux-x64 \
  -p:PublishAot=true -p:LinkerFlavor=lld -p:IlcOrderFile="$work/first.order" -o "$work/ordered" -nologo \
  >>"$work/publish.log" || { cat "$work/publish.log"; exit 1; }
ordered=$work/ordered/chargerd
# Each run gets its own copy of the binary: the trim cannot free a page that another process maps, and a page kept by
# the other run would be mapped back around a fault here (fault-around) without having run.
pages() {
  local name=$1; shift
  local dir=$work/pass2-$name
  mkdir -p "$dir"
  cp -r "$work/ordered" "$dir/bin"
  # The trim leaves alone pages whose file data is not yet written back (smaps counts them dirty).
  sync
  env DOTNET_gcServer=0 DOTNET_GCgen0size=200000 DOTNET_gcConcurrent=0 CHARGERD_Chargerd__FreeVend=true \
    CHARGERD_Chargerd__DemoChargingSeconds=$((seconds + 60)) \
    "$dir/bin/chargerd" --simulate --evses 2 --state-dir "$dir/state" --control-socket "$dir/sock" "$@" >"$dir/out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  sleep 40
  if [ "$name" = charging ]; then
    "$work/bin/chargerctl" --socket "$dir/sock" sim plug 1 >/dev/null
    "$work/bin/chargerctl" --socket "$dir/sock" sim plug 2 >/dev/null
  fi
  sleep "$seconds"
  $py touched "$pid" "$dir/bin/chargerd" "$work/touched"
  kill -TERM "$pid"
  wait "$pid" || { cat "$dir/out"; echo "chargerd did not exit cleanly" >&2; exit 1; }
}
pages charging &
charging=$!
pages demo --demo &
demo=$!
wait "$charging"
wait "$demo"
$py refine "$ordered" "$ordered.dbg" "$work/flags" "$work/first.order" "$work/touched" \
  "$repo/src/ChargerController.Worker/Memory/chargerd.order"
echo "== wrote src/ChargerController.Worker/Memory/chargerd.order; publish again (packaging/publish.sh) to use it"
