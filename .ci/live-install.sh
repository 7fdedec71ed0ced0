#!/usr/bin/env bash
# Runs inside `unshare --mount` (see .ci/stages.sh, stage install): the real, live install.sh path (no --root) on
# this machine's own /etc, /opt, /usr, /var and /run, each behind a throwaway overlay, so useradd/sysusers, tmpfiles,
# systemctl enable and the chargerctl link really run and nothing outlives the namespace.
# systemd is not PID 1 in a container, so instead of `systemctl start` this runs chargerd the way the unit does
# (as user charger, with the unit's --config and RuntimeDirectory) and ends with chargerctl status, as install.sh does.
#
#   live-install.sh ARCHIVE.tar.gz PACKAGE.deb OVERLAY_DIR
#
# The steps are the README's ("Deploying to a Pi"), in order, with the amd64 archive and .deb.
set -euo pipefail
archive=$1 deb=$2 ov=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

mount --make-rprivate /
for d in etc opt usr var; do
  mkdir -p "$ov/$d/upper" "$ov/$d/work"
  mount -t overlay "ovl-$d" -o "lowerdir=/$d,upperdir=$ov/$d/upper,workdir=$ov/$d/work" "/$d"
done
mount -t tmpfs tmpfs /run
# A developer who ran chargerd as root with its default state directory left a root-owned database there, which the
# charger user could not open. Removed through the overlay (a whiteout in its upper layer): gone inside this
# namespace, as on a fresh machine, untouched on the machine itself.
mountpoint -q /var && rm -rf /var/lib/chargercontroller
[ ! -e /opt/chargercontroller ] || fail "the overlay is not empty"

mkdir -p "$ov/pi" && cd "$ov/pi"
name=$(basename "$archive" .tar.gz)
tar xzf "$archive" && cd "$name"
./install.sh --dry-run >"$ov/dry.log"
[ ! -e /opt/chargercontroller ] && ! id charger >/dev/null 2>&1 || fail "--dry-run changed the system"
./install.sh
id charger
groups=$(id -nG charger)
for g in gpio spi i2c dialout input; do grep -qw "$g" <<<"$groups" || fail "charger not in $g"; done
[ "$(stat -c '%a %U %G' /etc/chargercontroller/chargercontroller.json)" = "640 root charger" ] || fail "config owner/mode"
[ "$(stat -c '%a %U %G' /var/lib/chargercontroller)" = "750 charger charger" ] || fail "state dir owner/mode"
[ -L /etc/systemd/system/multi-user.target.wants/chargercontroller.service ] || fail "systemctl enable did not enable the unit"
[ "$(command -v chargerctl)" = /usr/local/bin/chargerctl ] || fail "chargerctl is not on PATH"
[ "$(readlink /opt/chargercontroller/current)" = "releases/$(cat VERSION)" ] || fail "current -> $(readlink /opt/chargercontroller/current)"

echo "-- the firmware update's permissions, as the service user: add a release and move current; never alter root's"
# The same system calls ArchiveFirmwareInstaller makes (mkdir + rename of the unpacked release, symlink + rename(2) of
# the link), run as charger; then what a compromised service must not manage: change or remove the installed release.
rel=/opt/chargercontroller/releases/$(cat VERSION)
as_charger() { setpriv --reuid=charger --regid=charger --init-groups "$@"; }
as_charger mkdir /opt/chargercontroller/releases/.staging-1
as_charger cp -R "$rel" /opt/chargercontroller/releases/.staging-1/r
as_charger mv -T /opt/chargercontroller/releases/.staging-1/r /opt/chargercontroller/releases/request-1-0000aaaa
as_charger rmdir /opt/chargercontroller/releases/.staging-1
as_charger ln -s /opt/chargercontroller/releases/request-1-0000aaaa /opt/chargercontroller/current.next
as_charger mv -T -f /opt/chargercontroller/current.next /opt/chargercontroller/current
[ "$(readlink /opt/chargercontroller/current)" = /opt/chargercontroller/releases/request-1-0000aaaa ] || fail "charger could not switch current"
for attempt in "cp /bin/true $rel/chargerd" "rm -rf $rel" "mv -T $rel /opt/chargercontroller/releases/x" \
  "mv -T /opt/chargercontroller/releases /opt/chargercontroller/r2" "touch /usr/local/bin/x" "rm -f /usr/local/bin/chargerctl"; do
  # shellcheck disable=SC2086 # the attempt is a command line
  if as_charger $attempt 2>/dev/null; then fail "the service user could: $attempt"; fi
done
as_charger ln -sfn "releases/$(cat VERSION)" /opt/chargercontroller/current.next
as_charger mv -T -f /opt/chargercontroller/current.next /opt/chargercontroller/current
echo "   charger added a release and switched current twice; could not alter, move or remove the root-owned release or releases/"

echo "-- chargerd as the unit runs it: user charger, RuntimeDirectory /run/chargercontroller, its --config"
install -d -m 0750 -o charger -g charger /run/chargercontroller
# The example config names a CSMS with Basic auth: the password file is the one step the installer leaves to the
# operator (it never invents a secret). Do it as the README says.
printf '%s' 0123456789abcdef > /etc/chargercontroller/basic-auth-password
chown charger:charger /etc/chargercontroller/basic-auth-password
chmod 0600 /etc/chargercontroller/basic-auth-password
# --simulate: no charger hardware here. The CSMS URL points at a closed loopback port: no traffic leaves the machine.
# setpriv execs chargerd itself (no intermediate process), so SIGTERM reaches it as systemd's stop would.
setpriv --reuid=charger --regid=charger --init-groups /opt/chargercontroller/current/chargerd --config /etc/chargercontroller/chargercontroller.json \
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
./install.sh >/dev/null
grep -q CC-EDITED /etc/chargercontroller/chargercontroller.json || fail "re-run overwrote the configuration"
[ "$(cd /opt/chargercontroller/releases && echo *)" = "$(cat VERSION) request-1-0000aaaa" ] || fail "re-run: releases $(cd /opt/chargercontroller/releases && echo *)"
./install.sh --uninstall >/dev/null
[ ! -e /opt/chargercontroller ] && [ ! -L /usr/local/bin/chargerctl ] && [ ! -e /etc/systemd/system/chargercontroller.service ] ||
  fail "uninstall left files"
grep -q CC-EDITED /etc/chargercontroller/chargercontroller.json || fail "uninstall removed the configuration"
./install.sh --uninstall --purge >/dev/null
if id charger >/dev/null 2>&1 || [ -e /etc/chargercontroller ]; then fail "purge left the user or the configuration"; fi
echo "   live install: dry-run changed nothing; user and groups, modes, unit enabled, chargerd ran as charger, chargerctl status; re-run, uninstall and purge clean"

echo "-- the .deb through dpkg: maintainer scripts on a live system; install.sh --uninstall --purge removes it with apt"
dpkg -i "$deb"
id charger >/dev/null
[ "$(stat -c '%a %U %G' /etc/chargercontroller/chargercontroller.json)" = "640 root charger" ] || fail "deb: config owner/mode"
[ -L /etc/systemd/system/multi-user.target.wants/chargercontroller.service ] || fail "deb: unit not enabled"
[ "$(readlink /usr/bin/chargerctl)" = /opt/chargercontroller/current/chargerctl ] || fail "deb: /usr/bin/chargerctl"
[ "$(stat -c '%a %U %G' /opt/chargercontroller)" = "1775 root charger" ] || fail "deb: /opt/chargercontroller owner/mode"
[ "$(stat -c '%U' /opt/chargercontroller/current)" = charger ] || fail "deb: current is not the service user's"
/usr/bin/chargerctl --help >/dev/null
"$repo/install.sh" --uninstall --purge
if dpkg-query -W chargercontroller >/dev/null 2>&1 && [ "$(dpkg-query -W -f='${Status}' chargercontroller)" != "deinstall ok config-files" ] &&
  [ "$(dpkg-query -W -f='${Status}' chargercontroller)" != "purge ok not-installed" ]; then
  fail "the package is still installed: $(dpkg-query -W -f='${Status}' chargercontroller)"
fi
if id charger >/dev/null 2>&1 || [ -e /etc/chargercontroller ] || [ -e /opt/chargercontroller ]; then fail "deb purge left files or the user"; fi
echo "   .deb: dpkg -i made the user, configuration and enabled unit; purged through install.sh --uninstall --purge"
