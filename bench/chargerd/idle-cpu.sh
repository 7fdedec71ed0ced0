#!/bin/sh
# Idle CPU of chargerd: start `chargerd --simulate --evses N`, let it settle, then read utime+stime from
# /proc/<pid>/stat over a window and print the share of one core. Usage:
#   bench/chargerd/idle-cpu.sh [CHARGERD] [SECONDS] [EVSES]
# CHARGERD is the chargerd executable or chargerd.dll (default: the Release build under src/ChargerController.Worker/bin).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
chargerd=${1:-$here/src/ChargerController.Worker/bin/Release/net10.0/chargerd.dll}
seconds=${2:-60}
evses=${3:-2}
state=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$state"' EXIT
case "$chargerd" in
  *.dll) dotnet "$chargerd" --simulate --evses "$evses" --state-dir "$state" --control-socket "$state/control.sock" >"$state/out.txt" 2>&1 & ;;
  *) "$chargerd" --simulate --evses "$evses" --state-dir "$state" --control-socket "$state/control.sock" >"$state/out.txt" 2>&1 & ;;
esac
pid=$!
sleep 10   # start-up (JIT, migrations, RCD self-test) is not idle
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); s0=$(date +%s.%N)
sleep "$seconds"
t1=$(ticks); s1=$(date +%s.%N)
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
awk -v t0="$t0" -v t1="$t1" -v s0="$s0" -v s1="$s1" -v hz="$hz" -v rss="$rss" -v n="$evses" 'BEGIN {
  cpu = (t1 - t0) / hz; wall = s1 - s0;
  printf "idle %d EVSEs over %.1f s: CPU %.2f s = %.2f %% of one core; RSS %.1f MB\n", n, wall, cpu, 100 * cpu / wall, rss / 1024 }'
