#!/usr/bin/env bash
# Runs inside `unshare --mount` (see .ci/stages.sh, stage install): the real, live install.sh path (no --root) on
# this machine's own /etc, /opt, /usr, /var and /run, each behind a throwaway overlay, so useradd/sysusers, tmpfiles,
# systemctl enable and the chargerctl link really run and nothing outlives the namespace.
# systemd is not PID 1 in a container, so instead of `systemctl start` this runs chargerd the way the unit does
# (as user charger, with the unit's --config and RuntimeDirectory) and ends with chargerctl status, as install.sh does.
#
#   live-install.sh ARCHIVE.tar.gz OVERLAY_DIR
set -euo pipefail
archive=$1 ov=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

mount --make-rprivate /
for d in etc opt usr var; do
  mkdir -p "$ov/$d/upper" "$ov/$d/work"
  mount -t overlay "ovl-$d" -o "lowerdir=/$d,upperdir=$ov/$d/upper,workdir=$ov/$d/work" "/$d"
done
mount -t tmpfs tmpfs /run
[ ! -e /opt/chargercontroller ] || fail "the overlay is not empty"

"$repo/install.sh" --from "$archive" --no-start
id charger
groups=$(id -nG charger)
for g in gpio spi i2c dialout input; do grep -qw "$g" <<<"$groups" || fail "charger not in $g"; done
[ "$(stat -c '%a %U %G' /etc/chargercontroller/chargercontroller.json)" = "640 root charger" ] || fail "config owner/mode"
[ "$(stat -c '%a %U %G' /var/lib/chargercontroller)" = "750 charger charger" ] || fail "state dir owner/mode"
[ -L /etc/systemd/system/multi-user.target.wants/chargercontroller.service ] || fail "systemctl enable did not enable the unit"
[ "$(command -v chargerctl)" = /usr/local/bin/chargerctl ] || fail "chargerctl is not on PATH"

echo "-- chargerd as the unit runs it: user charger, RuntimeDirectory /run/chargercontroller, its --config"
install -d -m 0750 -o charger -g charger /run/chargercontroller
# --simulate: no charger hardware here. The CSMS URL points at a closed loopback port: no traffic leaves the machine.
# setpriv execs chargerd itself (no intermediate process), so SIGTERM reaches it as systemd's stop would.
setpriv --reuid=charger --regid=charger --init-groups /opt/chargercontroller/chargerd --config /etc/chargercontroller/chargercontroller.json \
  --simulate --csms-url ws://127.0.0.1:9/ocpp >"$ov/chargerd.out" 2>&1 &
pid=$!
for ((i = 0; i < 150; i++)); do [ -S /run/chargercontroller/control.sock ] && break; sleep 0.2; done
[ -S /run/chargercontroller/control.sock ] || { cat "$ov/chargerd.out"; kill -KILL "$pid"; fail "no control socket"; }
chargerctl status
status=$(chargerctl status --json)
grep -q '"evses":\[{"id":1' <<<"$status" || fail "chargerctl status --json: $status"
[ -f /var/lib/chargercontroller/chargercontroller.db ] || ls -la /var/lib/chargercontroller
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
[ "$rc" -eq 0 ] || { cat "$ov/chargerd.out"; fail "chargerd exit code $rc after SIGTERM"; }

echo "-- idempotent re-run keeps the configuration; uninstall keeps it; purge removes it and the user"
sed -i 's/"CC-0001"/"CC-EDITED"/' /etc/chargercontroller/chargercontroller.json
"$repo/install.sh" --from "$archive" --no-start >/dev/null
grep -q CC-EDITED /etc/chargercontroller/chargercontroller.json || fail "re-run overwrote the configuration"
"$repo/install.sh" --uninstall >/dev/null
[ ! -e /opt/chargercontroller ] && [ ! -L /usr/local/bin/chargerctl ] && [ ! -e /etc/systemd/system/chargercontroller.service ] ||
  fail "uninstall left files"
grep -q CC-EDITED /etc/chargercontroller/chargercontroller.json || fail "uninstall removed the configuration"
"$repo/install.sh" --uninstall --purge >/dev/null
if id charger >/dev/null 2>&1 || [ -e /etc/chargercontroller ]; then fail "purge left the user or the configuration"; fi
echo "   live install: user and groups, modes, unit enabled, chargerd ran as charger, chargerctl status; uninstall and purge clean"
