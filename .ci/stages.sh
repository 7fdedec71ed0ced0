# Stage functions of .ci/run. Sourced; each stage_* runs in its own subshell with errexit.
# Uses from .ci/run: $repo, $artifacts, $ci_tmp, $version.
# shellcheck shell=bash disable=SC2154

fail() { echo "FAIL: $*" >&2; exit 1; }

# Processes started by a stage, ended by pid (never by name) when the run ends early.
# Each stage's subshell kills its own on exit (the array lives in that subshell).
# ci_groups: process groups a stage started with `set -m` (a command with children, e.g. dotnet run -> chargerd).
ci_pids=()
ci_groups=()
ci_kill_pids() {
  local p
  for p in "${ci_pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for p in "${ci_groups[@]}"; do kill -KILL -- -"$p" 2>/dev/null || true; done
}
ci_cleanup() { rm -rf "$ci_tmp"; }

# wait_for_line FILE TEXT SECONDS PID: until FILE has TEXT; fails when PID exits first or time runs out.
wait_for_line() {
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    if grep -qF "$2" "$1"; then return 0; fi
    kill -0 "$4" 2>/dev/null || { cat "$1"; fail "process $4 ended before printing '$2'"; }
    sleep 0.2
  done
  cat "$1"
  fail "no '$2' within $3 s"
}

# stop_cleanly PID SECONDS: SIGTERM, then the exit code must be 0 within SECONDS (as systemd stops the service).
stop_cleanly() {
  local i rc
  kill -TERM "$1"
  for ((i = 0; i < $2 * 5; i++)); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$1" 2>/dev/null; then kill -KILL "$1"; fail "still running $2 s after SIGTERM"; fi
  rc=0
  wait "$1" || rc=$?
  [ "$rc" -eq 0 ] || fail "exit code $rc after SIGTERM (expected 0)"
  echo "   SIGTERM: stopped cleanly, exit code 0"
}

json_has() { grep -qE "$2" <<<"$1" || fail "status JSON lacks /$2/: $1"; }

# ----------------------------------------------------------------------------------------------------------------
# The full charging session against the CSMS test double (the embedded development CSMS that chargerd
# --simulate --demo starts when no --csms-url is given). ONE LINE switches it on for good once chargerd's OCPP
# wiring is merged: change the default below from auto to 1. auto asserts it as soon as chargerd --help no longer
# says that the development CSMS is still to come; CI_OCPP_SMOKE=0|1 overrides for one run.
ocpp_smoke_default=auto
ocpp_smoke_enabled() {
  local help mode=${CI_OCPP_SMOKE:-$ocpp_smoke_default}
  case "$mode" in
    1) return 0 ;;
    0) return 1 ;;
  esac
  help=$("$@" --help)
  grep -q -- '--demo' <<<"$help" && ! grep -q 'arrives with the OCPP work' <<<"$help"
}

# smoke_demo "RUNNER..." BIN_DIR [extra chargerd args]: the narrated --simulate --demo session, chargerctl status
# during and after it, the OCPP assertion when switched on, then SIGTERM -> exit 0.
smoke_demo() {
  local runner=$1 bin=$2; shift 2
  local dir pid status saw_charging=0 ocpp=0 i
  dir=$(mktemp -d "$ci_tmp/demo.XXXX")
  # shellcheck disable=SC2086 # RUNNER is empty or qemu-aarch64 (a command, so $! is chargerd's own process)
  if ocpp_smoke_enabled $runner "$bin/chargerd"; then ocpp=1; fi
  echo "   OCPP session assertion: $([ "$ocpp" -eq 1 ] && echo on || echo 'off (chargerd --demo has no development CSMS yet)')"
  # shellcheck disable=SC2086
  CHARGERD_Chargerd__DemoChargingSeconds=4 $runner "$bin/chargerd" --simulate --demo --state-dir "$dir/state" \
    --control-socket "$dir/control.sock" "$@" >"$dir/out" 2>&1 &
  pid=$!
  ci_pids+=("$pid")
  wait_for_line "$dir/out" "demo: EVSE 1 is ready" 120 "$pid"
  # Poll chargerctl during the session: the contactor must be seen closed with a transaction running.
  for ((i = 0; i < 600; i++)); do
    # shellcheck disable=SC2086
    status=$($runner "$bin/chargerctl" --socket "$dir/control.sock" status --json)
    if grep -qE '"contactorClosed":true[^}]*"transactionId":"[^"]+"' <<<"$status"; then
      saw_charging=1
    fi
    if grep -qF "demo: done" "$dir/out"; then break; fi
    kill -0 "$pid" 2>/dev/null || { cat "$dir/out"; fail "chargerd ended during the demo"; }
    sleep 0.2
  done
  grep -qF "demo: done" "$dir/out" || { cat "$dir/out"; fail "the demo session did not finish"; }
  sed 's/^/   | /' "$dir/out"
  [ "$saw_charging" -eq 1 ] || fail "chargerctl status never showed the contactor closed with a transaction"
  # shellcheck disable=SC2086
  status=$($runner "$bin/chargerctl" --socket "$dir/control.sock" status --json)
  echo "   chargerctl status --json: $status"
  json_has "$status" '"connectorStatus":"Available"'
  json_has "$status" '"contactorClosed":false'
  json_has "$status" '"energyWh":[1-9]'
  json_has "$status" '"simulated":true'
  if [ "$ocpp" -eq 1 ]; then
    json_has "$status" '"connected":true'
    json_has "$status" '"subprotocol":"ocpp2\.(1|0\.1)"'
    json_has "$status" '"bootStatus":"Accepted"'
    # Every TransactionEvent of the session reached the CSMS.
    json_has "$status" '"queueDepth":0'
  fi
  stop_cleanly "$pid" 60
  grep -q "safe state (StateF): loop stopped" "$dir/out" || fail "no safe state on the way out"
}

# ----------------------------------------------------------------------------------------------------------------
stage_lint() {
  ensure_tools shellcheck:shellcheck
  # SC2015 (A && B || C): used on purpose as "all of these hold, or fail".
  shellcheck -x -e SC2015 install.sh packaging/*.sh packaging/deb/* .ci/run .ci/*.sh bench/*.sh bench/*/*.sh
  echo "   shellcheck: clean"
}

stage_tests() {
  # Output goes to a file, shown live by tail: a process a test leaves behind can hold a pipe open (and `| tee` with
  # it) for ever, never a file. timeout is the backstop behind the per-test hang detection of the runsettings.
  local log=$ci_tmp/tests.log rc=0 tailpid
  : >"$log"
  tail -n +1 -f "$log" &
  tailpid=$!
  timeout -k 60 25m dotnet test ChargerController.sln -c Release >"$log" 2>&1 || rc=$?
  sleep 1
  kill "$tailpid" 2>/dev/null || true
  if [ "$rc" -eq 124 ]; then echo "FAIL: the test command did not end within 25 minutes"; fi
  print_tc_coverage tests/ChargerController.Station.Tests/bin/Release/net10.0/TestResults/tc-coverage-station.md
  return "$rc"
}

# print_tc_coverage FILE: the block summary of the OCA test-case coverage table that TestCaseCoverageTests writes
# (everything after the per-case table: covered/listed per block and "N of M Charging Station test cases ...").
print_tc_coverage() {
  [ -f "$1" ] || { echo "   (no test-case coverage table at $1)"; return 0; }
  echo "== OCA Charging Station test-case coverage (${1#"$repo/"})"
  awk 'seen && NF { print "   " $0 } /^$/ { seen = 1 }' "$1"
}

stage_aot() {
  # The README's commands ("Deploying to a Pi"), as written; the archive names it shows must be this version's.
  grep -qF "packaging/publish.sh --arch arm64 " README.md && grep -qF "chargercontroller-$version-arm64.tar.gz" README.md &&
    grep -qF "chargercontroller_${version}_arm64.deb" README.md || fail "README's deploy commands do not name version $version"
  { packaging/publish.sh --arch arm64 && packaging/publish.sh --arch amd64; } 2>&1 | tee "$ci_tmp/aot.log"
  if grep -E ': (warning|error) [A-Z]+[0-9]+' "$ci_tmp/aot.log"; then fail "warnings in the Native AOT publish"; fi
  # (Output captured before grep: `cmd | grep -q` fails under pipefail when grep's early exit kills cmd with SIGPIPE.)
  out=$(readelf -h "$artifacts/publish/linux-arm64/chargerd")
  grep -q 'Machine: *AArch64' <<<"$out" || fail "arm64 chargerd is not AArch64"
  out=$(readelf -h "$artifacts/publish/linux-x64/chargerd")
  grep -q 'Machine: *Advanced Micro Devices X86-64' <<<"$out" || fail "x64 chargerd is not x86-64"
  for f in "$artifacts"/publish/linux-*/charger{d,ctl} "$artifacts"/chargercontroller-"$version"-*.tar.gz; do
    echo "   $(stat -c '%8s bytes' "$f")  ${f#"$repo/"}"
  done
}

stage_qemu_smoke() {
  ensure_tools qemu-aarch64:qemu-user
  # The aarch64 loader and libc come from libc6-arm64-cross (installed with gcc-aarch64-linux-gnu by publish.sh).
  # OCPP over WebSocket (the client's and the development CSMS's handshakes) loads OpenSSL, so the arm64 chargerd needs
  # the arm64 libssl. Debian multiarch installs it with its arm64 libc under /usr/lib/aarch64-linux-gnu and
  # /lib/ld-linux-aarch64.so.1, where qemu finds them without QEMU_LD_PREFIX; mixing that prefix (the cross
  # toolchain's libc) with the multiarch libssl makes the guest spin, so the prefix is not used.
  if [ ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]; then
    as_root dpkg --add-architecture arm64
    ensure_tools /usr/lib/aarch64-linux-gnu/libssl.so.3:libssl3:arm64
  fi
  unset QEMU_LD_PREFIX
  local bin=$artifacts/publish/linux-arm64 v
  v=$(qemu-aarch64 "$bin/chargerd" --version)
  echo "   chargerd --version (arm64, qemu): $v"
  [[ "$v" == "$version"* ]] || fail "expected version $version"
  smoke_demo qemu-aarch64 "$bin"
}

stage_x64_smoke() {
  local bin=$artifacts/publish/linux-x64
  "$bin/chargerd" --version
  smoke_demo "" "$bin" --evses 2
  bench/aot-startup.sh --quick --bin "$bin"
}

# ----------------------------------------------------------------------------------------------------------------
# What install.sh must never touch on the machine it runs on with --root or --dry-run.
host_snapshot() {
  local p
  md5sum /etc/passwd /etc/group
  for p in /opt/chargercontroller /etc/chargercontroller /var/lib/chargercontroller \
    /etc/systemd/system/chargercontroller.service /etc/udev/rules.d/99-chargercontroller.rules \
    /usr/lib/sysusers.d/chargercontroller.conf /usr/lib/tmpfiles.d/chargercontroller.conf /usr/local/bin/chargerctl; do
    if [ -e "$p" ] || [ -L "$p" ]; then echo "present $p"; else echo "absent $p"; fi
  done
  id charger 2>&1 || true
}

# check_tree ROOT ARCH: the files, modes and links an install.sh --root produces: the release in
# /opt/chargercontroller/releases/$version/ (the whole publish output, board profiles, deploy files), `current` -> it.
check_tree() {
  local r=$1 arch=$2 line mode path out rid f rel=opt/chargercontroller/releases/$version
  while read -r mode path; do
    [ -e "$r/$path" ] || fail "missing /$path"
    [ "$(stat -c %a "$r/$path")" = "$mode" ] || fail "/$path has mode $(stat -c %a "$r/$path"), expected $mode"
  done <<EOF
755 opt/chargercontroller
755 opt/chargercontroller/releases
755 $rel
755 $rel/chargerd
755 $rel/chargerctl
755 $rel/libSystem.IO.Ports.Native.so
755 $rel/install.sh
644 $rel/VERSION
644 $rel/boards/generic-pi4.json
644 $rel/deploy/config/chargercontroller.example.json
644 $rel/deploy/boot/config.txt
644 etc/systemd/system/chargercontroller.service
644 etc/udev/rules.d/99-chargercontroller.rules
644 usr/lib/sysusers.d/chargercontroller.conf
644 usr/lib/tmpfiles.d/chargercontroller.conf
750 etc/chargercontroller
640 etc/chargercontroller/chargercontroller.json
EOF
  [ "$(readlink "$r/opt/chargercontroller/current")" = "releases/$version" ] || fail "current -> $(readlink "$r/opt/chargercontroller/current")"
  [ "$(readlink "$r/usr/local/bin/chargerctl")" = /opt/chargercontroller/current/chargerctl ] || fail "chargerctl link"
  [ "$(readlink "$r/etc/systemd/system/multi-user.target.wants/chargercontroller.service")" = \
    /etc/systemd/system/chargercontroller.service ] || fail "the unit is not enabled"
  cmp "$repo/deploy/systemd/chargercontroller.service" "$r/etc/systemd/system/chargercontroller.service"
  cmp "$repo/deploy/udev/99-chargercontroller.rules" "$r/etc/udev/rules.d/99-chargercontroller.rules"
  cmp "$repo/deploy/sysusers.d/chargercontroller.conf" "$r/usr/lib/sysusers.d/chargercontroller.conf"
  cmp "$repo/deploy/tmpfiles.d/chargercontroller.conf" "$r/usr/lib/tmpfiles.d/chargercontroller.conf"
  for f in "$repo"/hardware/boards/*.json; do cmp "$f" "$r/$rel/boards/$(basename "$f")"; done
  # Every file of the publish output is in the release (not a fixed list: a new executable must ship too).
  rid=$(rid_for_arch "$arch")
  for f in "$artifacts/publish/$rid"/*; do
    case "$f" in *.dbg|*.pdb|*.xml|*.json) continue ;; esac
    cmp "$f" "$r/$rel/$(basename "$f")" || fail "the release lacks $(basename "$f") of the publish output"
  done
  case "$arch" in
    arm64) line='AArch64' ;;
    amd64) line='X86-64' ;;
  esac
  out=$(readelf -h "$r/opt/chargercontroller/current/chargerd")
  grep -q "Machine:.*$line" <<<"$out" || fail "chargerd is not $arch"
  echo "   tree under ${r#"$ci_tmp/"}: release $version, current link, files, modes, links and unit as expected ($arch)"
}

check_unit_hardening() {
  local u=$1 key
  for key in '^Type=notify$' '^Restart=always$' '^NoNewPrivileges=yes$' '^ProtectSystem=strict$' \
    '^StateDirectory=chargercontroller$' '^ConfigurationDirectory=chargercontroller$' \
    '^RuntimeDirectory=chargercontroller$' '^DeviceAllow=char-gpiochip rw$' '^WatchdogSec=' '^RestartForceExitStatus=75$'; do
    grep -qE "$key" "$u" || fail "unit lacks $key"
  done
  if grep -qE '^(ProtectKernelTunables|PrivateDevices)=' "$u"; then fail "unit sets ProtectKernelTunables/PrivateDevices (break PWM/GPIO)"; fi
}

# first_boot ROOT: what systemd-sysusers.service and systemd-tmpfiles-setup.service do on the image's first boot.
first_boot() {
  local r=$1 g
  [ -f "$r/etc/passwd" ] || printf 'root:x:0:0:root:/root:/bin/sh\n' >"$r/etc/passwd"
  [ -f "$r/etc/group" ] || printf 'root:x:0:\n' >"$r/etc/group"
  systemd-sysusers --root="$r" >/dev/null 2>&1
  systemd-tmpfiles --root="$r" --create >/dev/null 2>&1
  grep -q '^charger:x:[0-9]*:[0-9]*:.*:/var/lib/chargercontroller:/usr/sbin/nologin$' "$r/etc/passwd" || fail "no charger user"
  local rel=$r/opt/chargercontroller/releases/$version
  for g in gpio spi i2c dialout input; do
    grep -qE "^$g:x:[0-9]+:(.*,)?charger(,.*)?$" "$r/etc/group" || fail "charger is not in group $g"
  done
  local gid uid
  uid=$(awk -F: '$1 == "charger" { print $3 }' "$r/etc/passwd")
  gid=$(awk -F: '$1 == "charger" { print $3 }' "$r/etc/group")
  [ "$(stat -c '%a %u %g' "$r/etc/chargercontroller")" = "750 0 $gid" ] || fail "/etc/chargercontroller: $(stat -c '%a %u %g' "$r/etc/chargercontroller")"
  [ "$(stat -c '%a %u %g' "$r/etc/chargercontroller/chargercontroller.json")" = "640 0 $gid" ] || fail "config file owner/mode"
  [ "$(stat -c '%a %u %g' "$r/var/lib/chargercontroller")" = "750 $uid $gid" ] || fail "/var/lib/chargercontroller owner/mode"
  # Firmware update: the service group may add releases and move `current` (its own link); the installed release stays root's.
  [ "$(stat -c '%a %u %g' "$r/opt/chargercontroller")" = "1775 0 $gid" ] || fail "/opt/chargercontroller: $(stat -c '%a %u %g' "$r/opt/chargercontroller")"
  [ "$(stat -c '%a %u %g' "$r/opt/chargercontroller/releases")" = "1775 0 $gid" ] || fail "releases/ owner/mode"
  [ "$(stat -c '%u %g' "$r/opt/chargercontroller/current")" = "$uid $gid" ] || fail "current link owner"
  [ "$(readlink "$r/opt/chargercontroller/current")" = "releases/$version" ] || fail "tmpfiles followed the current link"
  [ "$(stat -c '%a %u %g' "$rel")" = "755 0 0" ] && [ "$(stat -c '%a %u %g' "$rel/chargerd")" = "755 0 0" ] ||
    fail "the installed release is not root's 0755: $(stat -c '%a %u %g' "$rel" "$rel/chargerd")"
  echo "   first boot (systemd-sysusers/-tmpfiles --root): user charger ($uid) in gpio spi i2c dialout input; config 0640 root:charger; state 0750 charger;"
  echo "   /opt/chargercontroller and releases/ 1775 root:charger, current owned by charger, release $version root 0755"
}

stage_install() {
  ensure_tools systemd-analyze:systemd readelf:binutils unshare:util-linux
  local tgz_arm=$artifacts/chargercontroller-$version-arm64.tar.gz tgz_x64=$artifacts/chargercontroller-$version-amd64.tar.gz
  local root=$ci_tmp/root boot=$ci_tmp/boot before after rc out
  host_snapshot >"$ci_tmp/host.before"

  out=$(./install.sh --help)
  grep -q -- '--root DIR' <<<"$out" || fail "install.sh --help"
  rc=0; ./install.sh --frobnicate >/dev/null 2>&1 || rc=$?
  [ "$rc" -eq 2 ] || fail "an unknown option must exit 2, got $rc"

  echo "-- install.sh --root (image builder) from the arm64 archive"
  mkdir -p "$root"
  ./install.sh --root "$root" --from "$tgz_arm"
  check_tree "$root" arm64
  check_unit_hardening "$root/etc/systemd/system/chargercontroller.service"

  echo "-- idempotent: a second run changes nothing and keeps an edited configuration"
  sed -i 's/"CC-0001"/"CC-EDITED"/' "$root/etc/chargercontroller/chargercontroller.json"
  mkdir -p "$root/var/lib/chargercontroller" && echo db >"$root/var/lib/chargercontroller/chargercontroller.db"
  before=$(cd "$root" && find . -printf '%M %p %l %s\n' | sort)
  ./install.sh --root "$root" --from "$tgz_arm" >/dev/null
  after=$(cd "$root" && find . -printf '%M %p %l %s\n' | sort)
  [ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after"); fail "second run changed the tree"; }
  grep -q CC-EDITED "$root/etc/chargercontroller/chargercontroller.json" || fail "configuration overwritten"
  grep -q db "$root/var/lib/chargercontroller/chargercontroller.db" || fail "database touched"

  echo "-- a new version: current switches, the previous release stays, older ones are pruned; and back"
  local next=$ci_tmp/next rel=$root/opt/chargercontroller/releases
  mkdir -p "$next" && tar -C "$next" -xzf "$tgz_arm"
  echo "$version-next" >"$next/chargercontroller-$version-arm64/VERSION"
  tar -C "$next" -czf "$next/next.tar.gz" "chargercontroller-$version-arm64"
  mkdir -p "$rel/request-3-0badc0de"
  ./install.sh --root "$root" --from "$next/next.tar.gz" >"$ci_tmp/next.log"
  grep -q "kept /opt/chargercontroller/releases/$version to roll back to" "$ci_tmp/next.log" || { cat "$ci_tmp/next.log"; fail "no roll-back release"; }
  [ "$(readlink "$root/opt/chargercontroller/current")" = "releases/$version-next" ] || fail "current did not switch"
  [ "$(cd "$rel" && echo *)" = "$version $version-next" ] || fail "releases after the update: $(cd "$rel" && echo *)"
  ./install.sh --root "$root" --from "$tgz_arm" >/dev/null
  [ "$(readlink "$root/opt/chargercontroller/current")" = "releases/$version" ] || fail "current did not switch back"
  check_tree "$root" arm64

  echo "-- --board NAME: copied to /etc/chargercontroller/board.json when there is none, never over one; unknown: exit 2"
  ./install.sh --root "$root" --from "$tgz_arm" --board generic-pi4 >/dev/null
  cmp hardware/boards/generic-pi4.json "$root/etc/chargercontroller/board.json"
  ./install.sh --root "$root" --from "$tgz_arm" --board generic-pi5 >/dev/null
  cmp hardware/boards/generic-pi4.json "$root/etc/chargercontroller/board.json"
  rm "$root/etc/chargercontroller/board.json"
  mkdir -p "$ci_tmp/noboard"
  rc=0; ./install.sh --root "$ci_tmp/noboard" --from "$tgz_arm" --board no-such-board >"$ci_tmp/noboard.log" 2>&1 || rc=$?
  [ "$rc" -eq 2 ] && [ -z "$(ls -A "$ci_tmp/noboard")" ] && grep -q generic-pi4 "$ci_tmp/noboard.log" ||
    { cat "$ci_tmp/noboard.log"; fail "an unknown --board must exit 2 before installing, listing the profiles (rc $rc)"; }

  echo "-- an archive for another architecture is refused"
  mkdir -p "$ci_tmp/amd64root/usr/bin" && cp /bin/dash "$ci_tmp/amd64root/usr/bin/dash"
  rc=0; ./install.sh --root "$ci_tmp/amd64root" --from "$tgz_arm" >/dev/null 2>&1 || rc=$?
  [ "$rc" -ne 0 ] && [ ! -e "$ci_tmp/amd64root/opt/chargercontroller" ] || fail "arm64 archive installed into an amd64 root"

  echo "-- first boot of the image: sysusers.d and tmpfiles.d applied with --root"
  cp -a "$root" "$boot"
  first_boot "$boot"

  echo "-- systemd-analyze verify on the installed unit (inside the image, with this machine's systemd units)"
  mkdir -p "$boot/usr/lib/systemd"
  cp -a /lib/systemd/system "$boot/usr/lib/systemd/"
  out=$(systemd-analyze verify --root="$boot" /etc/systemd/system/chargercontroller.service 2>&1) || { echo "$out"; fail "systemd-analyze verify"; }
  [ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify printed warnings"; }
  echo "   systemd-analyze verify: clean ($(systemd-analyze --version | head -n1))"

  echo "-- --dry-run changes nothing (an empty root, and this machine)"
  mkdir -p "$ci_tmp/dry"
  out=$(./install.sh --dry-run --root "$ci_tmp/dry" --from "$tgz_arm")
  grep -q '^+ cp -R .* .*/opt/chargercontroller/releases/\.install-' <<<"$out" &&
    grep -q '^+ mv -T -f .*/opt/chargercontroller/current\.install .*/opt/chargercontroller/current$' <<<"$out" || fail "dry-run plan"
  [ -z "$(ls -A "$ci_tmp/dry")" ] || fail "--dry-run wrote into the root"
  mkdir -p "$ci_tmp/drybuild"
  out=$(./install.sh --dry-run --root "$ci_tmp/drybuild")
  grep -q '^+ .*/packaging/publish.sh --arch' <<<"$out" || fail "dry-run without --from does not show the build"
  [ -z "$(ls -A "$ci_tmp/drybuild")" ] || fail "--dry-run (build) wrote into the root"
  ./install.sh --dry-run --from "$tgz_x64" >"$ci_tmp/dry.log"
  grep -q '^+ systemd-sysusers\|^+ useradd' "$ci_tmp/dry.log" || fail "live dry-run does not show the user step"
  ./install.sh --dry-run --uninstall --purge >/dev/null

  echo "-- --uninstall keeps configuration and state; --purge removes them and the user"
  ./install.sh --uninstall --root "$root"
  [ ! -e "$root/opt/chargercontroller" ] && [ ! -e "$root/etc/systemd/system/chargercontroller.service" ] &&
    [ ! -L "$root/usr/local/bin/chargerctl" ] && [ ! -L "$root/etc/systemd/system/multi-user.target.wants/chargercontroller.service" ] ||
    fail "uninstall left files"
  grep -q CC-EDITED "$root/etc/chargercontroller/chargercontroller.json" && [ -f "$root/var/lib/chargercontroller/chargercontroller.db" ] ||
    fail "uninstall removed configuration or state"
  ./install.sh --uninstall --purge --root "$boot"
  [ ! -e "$boot/etc/chargercontroller" ] && [ ! -e "$boot/var/lib/chargercontroller" ] || fail "purge left configuration or state"
  if grep -q charger "$boot/etc/passwd" "$boot/etc/group"; then fail "purge left the charger user"; fi

  # The live install needs root and overlay mounts in a private mount namespace (a privileged container or a VM).
  local probe=$ci_tmp/probe can_ns=0
  mkdir -p "$probe/l" "$probe/u" "$probe/w" "$probe/m"
  if [ "$(id -u)" -eq 0 ] && unshare --mount --propagation private \
    mount -t overlay probe -o "lowerdir=$probe/l,upperdir=$probe/u,workdir=$probe/w" "$probe/m" 2>/dev/null; then
    can_ns=1
  fi
  if [ "$can_ns" -eq 1 ]; then
    echo "-- live install (no --root) inside a throwaway mount namespace: overlays over /etc /opt /usr /var /run"
    unshare --mount --propagation private bash "$repo/.ci/live-install.sh" "$tgz_x64" \
      "$artifacts/chargercontroller_${version}_amd64.deb" "$ci_tmp/overlay"
  else
    echo "   live install: SKIPPED (needs root and overlay mounts in a private mount namespace, not available here)"
  fi

  host_snapshot >"$ci_tmp/host.after"
  diff "$ci_tmp/host.before" "$ci_tmp/host.after" || fail "install.sh changed this machine"
  echo "   this machine: unchanged (accounts, /opt, /etc, units, links)"
}

stage_deb() {
  ensure_tools dpkg-deb:dpkg
  local arch deb list droot out
  host_snapshot >"$ci_tmp/host.before"
  for arch in arm64 amd64; do
    packaging/build-deb.sh --arch "$arch" --from "artifacts/chargercontroller-$version-$arch.tar.gz"
    deb=$artifacts/chargercontroller_${version}_$arch.deb
    echo "-- dpkg-deb -c ${deb#"$repo/"}"
    list=$(dpkg-deb -c "$deb")
    # shellcheck disable=SC2001
    echo "$list" | sed 's/^/   /'
    local rel="\./opt/chargercontroller/releases/${version//./\\.}"
    while read -r want; do
      grep -qE "$want" <<<"$list" || fail "$arch .deb lacks $want"
    done <<EOF
^-rwxr-xr-x root/root .* $rel/chargerd\$
^-rwxr-xr-x root/root .* $rel/chargerctl\$
^-rwxr-xr-x root/root .* $rel/libSystem\.IO\.Ports\.Native\.so\$
^-rw-r--r-- root/root .* $rel/deploy/config/chargercontroller\.example\.json\$
^-rw-r--r-- root/root .* $rel/boards/generic-pi4\.json\$
^-rw-r--r-- root/root .* \./usr/lib/systemd/system/chargercontroller\.service\$
^-rw-r--r-- root/root .* \./etc/udev/rules\.d/99-chargercontroller\.rules\$
^-rw-r--r-- root/root .* \./usr/lib/sysusers\.d/chargercontroller\.conf\$
^-rw-r--r-- root/root .* \./usr/lib/tmpfiles\.d/chargercontroller\.conf\$
^lrwxrwxrwx root/root .* \./usr/bin/chargerctl -> /opt/chargercontroller/current/chargerctl\$
EOF
    if grep -qE '\./etc/chargercontroller|\./usr/local' <<<"$list"; then fail "the .deb ships the configuration or /usr/local"; fi
    # `current` is made by postinst (chargerd's firmware update moves it later), never a file of the package.
    if grep -qE '\./opt/chargercontroller/current' <<<"$list"; then fail "the .deb ships the current link"; fi
    [ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture field"
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version field"
    out=$(dpkg-deb -f "$deb" Depends)
    grep -q 'libc6 (>= 2\.[0-9]*)' <<<"$out" || fail "Depends has no libc6 floor: $out"
    out=$(dpkg-deb -I "$deb")
    grep -qE '^ +[0-9]+ bytes, +[0-9]+ lines +\* +postinst' <<<"$out" || fail "no executable postinst"

    echo "-- dpkg --root: install, reinstall (configuration kept), purge; maintainer scripts applied inside the root"
    droot=$ci_tmp/dpkg-$arch
    mkdir -p "$droot/var/lib/dpkg/info" "$droot/var/lib/dpkg/updates" "$droot/etc"
    touch "$droot/var/lib/dpkg/status" "$droot/var/lib/dpkg/available"
    printf 'root:x:0:0:root:/root:/bin/sh\n' >"$droot/etc/passwd"
    printf 'root:x:0:\n' >"$droot/etc/group"
    dpkg_root() { dpkg --root="$droot" --force-script-chrootless --force-depends --force-architecture "$@" >/dev/null 2>&1; }
    dpkg_root -i "$deb"
    grep -q '^charger:' "$droot/etc/passwd" || fail "postinst made no charger user"
    [ "$(stat -c %a "$droot/etc/chargercontroller/chargercontroller.json")" = 640 ] || fail "config mode"
    [ -L "$droot/etc/systemd/system/multi-user.target.wants/chargercontroller.service" ] || fail "postinst did not enable the unit"
    [ -d "$droot/var/lib/chargercontroller" ] || fail "no state directory"
    [ "$(readlink "$droot/opt/chargercontroller/current")" = "releases/$version" ] || fail "postinst did not point current at the release"
    out=$(stat -c '%a %U' "$droot/opt/chargercontroller" "$droot/opt/chargercontroller/releases")
    [ "$out" = $'1775 root\n1775 root' ] || fail "postinst: /opt/chargercontroller and releases/ modes: $out"
    # (Numeric: stat names owners from this machine's accounts, which have no charger.)
    [ "$(stat -c %u "$droot/opt/chargercontroller/current")" = "$(awk -F: '$1 == "charger" { print $3 }' "$droot/etc/passwd")" ] ||
      fail "postinst: current is not the service user's"
    sed -i 's/"CC-0001"/"CC-EDITED"/' "$droot/etc/chargercontroller/chargercontroller.json"
    # As after two firmware updates of chargerd (release archives): the package's release is the previous one.
    mkdir -p "$droot/opt/chargercontroller/releases/request-1-0000aaaa" "$droot/opt/chargercontroller/releases/request-2-0000bbbb"
    ln -sfn "$droot/opt/chargercontroller/releases/request-2-0000bbbb" "$droot/opt/chargercontroller/current"
    dpkg_root -i "$deb"
    grep -q CC-EDITED "$droot/etc/chargercontroller/chargercontroller.json" || fail "reinstall overwrote the configuration"
    [ "$(readlink "$droot/opt/chargercontroller/current")" = "releases/$version" ] || fail "upgrade: current did not switch back"
    out=$(cd "$droot/opt/chargercontroller/releases" && echo *)
    [ "$out" = "$version request-2-0000bbbb" ] || fail "upgrade: releases kept: $out (expected the new one and the one that ran)"
    dpkg_root --purge chargercontroller
    [ ! -e "$droot/opt/chargercontroller" ] && [ ! -e "$droot/etc/chargercontroller" ] && [ ! -e "$droot/var/lib/chargercontroller" ] ||
      fail "purge left files"
    if grep -q '^charger:' "$droot/etc/passwd"; then fail "purge left the charger user"; fi
    [ ! -L "$droot/etc/systemd/system/multi-user.target.wants/chargercontroller.service" ] || fail "prerm did not disable the unit"
    echo "   dpkg --root ($arch): user, configuration 0640, state dir, unit enabled, current -> releases/$version (1775 root:charger,"
    echo "   link the service user's); reinstall over a firmware-updated tree switched current back, kept the release that ran,"
    echo "   kept the configuration; purge removed all, firmware releases too"

    echo "-- install.sh --root --from the .deb gives the same tree as from the archive"
    mkdir -p "$ci_tmp/fromdeb-$arch"
    ./install.sh --root "$ci_tmp/fromdeb-$arch" --from "$deb" >/dev/null
    check_tree "$ci_tmp/fromdeb-$arch" "$arch"
  done
  host_snapshot >"$ci_tmp/host.after"
  diff "$ci_tmp/host.before" "$ci_tmp/host.after" || fail "building or installing the .deb changed this machine"
}

# ----------------------------------------------------------------------------------------------------------------
# The README's commands, read from README.md (not retyped here, so they cannot drift apart).

# readme_block HEADING: the lines of the first ```sh block after the line HEADING.
readme_block() {
  awk -v h="$1" '$0 == h { s = 1; next } s && /^```sh$/ { b = 1; next } b && /^```$/ { exit } b { print }' README.md
}

# status_until JQ-LESS-REGEX SECONDS: polls `chargerctl status --json` (the x64 AOT binary, to keep CI fast) until it
# matches.
readme_status_until() {
  local i status=""
  for ((i = 0; i < $2 * 5; i++)); do
    status=$("$artifacts/publish/linux-x64/chargerctl" --socket "$readme_sock" status --json) || true
    if grep -qE "$1" <<<"$status"; then return 0; fi
    sleep 0.2
  done
  fail "status never matched /$1/ within $2 s: $status"
}

stage_readme() {
  local first tour line rc pid wpid dir out bundles_before listing
  first=$(readme_block "## Try it: a simulated charging station")
  tour=$(readme_block "### Drive it with chargerctl")
  [ "$(wc -l <<<"$first")" -eq 1 ] || fail "the README's first block should be one command: $first"
  [[ "$first" == *"--simulate --demo"* ]] || fail "the README's first command no longer runs the simulated demo: $first"
  [[ "$(head -n1 <<<"$tour")" == "alias chargerctl="* ]] || fail "the chargerctl tour should start with its alias"
  dir=$(mktemp -d "$ci_tmp/readme.XXXX")
  out=$dir/chargerd.out
  # The command as written; only the environment keeps it off the machine's service paths (CI runs as root, where
  # /var/lib/chargercontroller would be writable) and shortens the demo car's charge. Its own process group (set -m)
  # lets Ctrl+C reach dotnet run and chargerd as a terminal would.
  readme_sock=$dir/runtime/chargercontroller/control.sock
  mkdir -p "$dir/runtime"
  export XDG_RUNTIME_DIR=$dir/runtime
  # MSBuild takes Configuration from the environment when the command line does not set it: dotnet run then reuses
  # the Release build of the tests stage instead of building everything again in Debug (CI's 30-minute budget on
  # 2 cores). The commands themselves stay as written.
  export Configuration=Release
  echo "   \$ $first"
  set -m
  (
    export CHARGERD_Chargerd__StateDir=$dir/state CHARGERD_Chargerd__ControlSocket=$readme_sock \
      CHARGERD_Chargerd__DemoChargingSeconds=4
    eval "$first"
  ) >"$out" 2>&1 &
  pid=$!
  set +m
  ci_groups+=("$pid")
  wait_for_line "$out" "demo: done" 600 "$pid"
  grep -qF "BootNotification" "$out" || { cat "$out"; fail "no OCPP traffic in the demo's output"; }
  echo "   the README's first command: demo finished ($(grep -c 'ocpp:' "$out") OCPP lines narrated)"

  # The tour, line by line, as a user types it in a second terminal (the alias needs expand_aliases in a script).
  shopt -s expand_aliases
  bundles_before=$(find . -maxdepth 1 -name 'chargercontroller-support-*.tar.gz' | sort)
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    echo "   \$ $line"
    case "$line" in
      alias\ *) eval "$line"; continue ;;
      *"status --watch"*)
        # Interactive: watch until it has drawn the table, then Ctrl+C (documented exit 0).
        set -m
        ( eval "$line" ) >"$dir/watch.out" 2>&1 &
        wpid=$!
        set +m
        ci_groups+=("$wpid")
        wait_for_line "$dir/watch.out" "EVSE" 300 "$wpid"
        kill -INT -- -"$wpid"
        rc=0; wait "$wpid" || rc=$?
        [ "$rc" -eq 0 ] || { cat "$dir/watch.out"; fail "status --watch ended with $rc after Ctrl+C (expected 0)"; }
        continue ;;
    esac
    rc=0
    eval "$line" >"$dir/cmd.out" 2>&1 || rc=$?
    sed 's/^/   | /' "$dir/cmd.out" | head -n 20
    case "$line" in
      *"hw rcd-test"*) [ "$rc" -eq 8 ] || fail "expected exit code 8 (refused while charging), got $rc" ;;
      *) [ "$rc" -eq 0 ] || fail "exit code $rc" ;;
    esac
    # What the tour's comments promise, checked before the next line.
    case "$line" in
      *"sim tap"*) readme_status_until '"id":1,[^}]*"contactorClosed":true' 60 ;;
      *"status --json"*) json_has "$(cat "$dir/cmd.out")" '"connected":true' ;;
      *"evse stop 1"*) readme_status_until '"id":1,[^}]*"fault":"[^"]*Weld' 30 ;;
      *"sim fault 1 clear"*) readme_status_until '"id":1,[^}]*"fault":null' 30 ;;
      *"config get"*) grep -qE '[0-9]' "$dir/cmd.out" || fail "config get printed no value" ;;
    esac
  done <<<"$tour"
  # support-bundle writes into the current directory: check it and leave the checkout as it was.
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    grep -qxF "$f" <<<"$bundles_before" && continue
    listing=$(tar -tzf "$f")
    grep -q '/status\.json$' <<<"$listing" || fail "$f has no status.json: $listing"
    rm -f "$f"
  done < <(find . -maxdepth 1 -name 'chargercontroller-support-*.tar.gz' | sort)

  # Ctrl+C ends the station (README: "keeps running until Ctrl+C"), cleanly.
  kill -INT -- -"$pid"
  rc=0; wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || { tail -n 20 "$out"; fail "the README's first command ended with $rc after Ctrl+C (expected 0)"; }
  grep -q "safe state (StateF): loop stopped" "$out" || fail "no safe state on the way out"
  echo "   Ctrl+C: stopped cleanly, exit code 0"
}
