#!/usr/bin/env bash
# install.sh: install ChargerController (chargerd + chargerctl) on a Raspberry Pi or any Debian arm64/amd64 machine.
#
# Usage: sudo ./install.sh [--from FILE] [--board NAME] [--no-start] [--dry-run]
#        sudo ./install.sh --root DIR [--from FILE] [--board NAME] [--dry-run]   (image builders: a mounted root)
#        sudo ./install.sh --uninstall [--purge] [--root DIR] [--dry-run]
#
#   --from FILE   install a prebuilt archive (chargercontroller-<version>-<arch>.tar.gz or .deb) instead of
#                 building from this checkout (building needs the .NET 10 SDK; packaging/publish.sh)
#   --board NAME  copy the board profile NAME (a file of hardware/boards, e.g. generic-pi4) to
#                 /etc/chargercontroller/board.json, only when there is none yet (never overwritten)
#   --no-start    install and enable, but do not (re)start the service
#   --root DIR    install into DIR instead of /: no systemctl, useradd or udevadm against this machine; the
#                 service user and directory modes come from sysusers.d/tmpfiles.d files applied on first boot
#   --uninstall   remove the program, unit, udev rules and links; configuration and state are kept
#   --purge       with --uninstall: also delete /etc/chargercontroller, /var/lib/chargercontroller and the user
#   --dry-run     print every change instead of making it
#   --help        this text
#
# Each version goes to /opt/chargercontroller/releases/<version>/ and the link /opt/chargercontroller/current is
# switched to it in one rename, as chargerd's own firmware update does; the version before stays for roll-back.
# Idempotent: run it again to upgrade or repair. It never overwrites an existing configuration or database.
# Exit codes: 0 done; 1 failed; 2 bad usage; 3 installed, but the service did not start (see journalctl).
set -euo pipefail

self_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly prefix=/opt/chargercontroller releases=/opt/chargercontroller/releases current=/opt/chargercontroller/current
readonly unit=chargercontroller.service

dry_run=0 uninstall=0 purge=0 no_start=0 root="" from="" board=""
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
die() { echo "install.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --uninstall) uninstall=1 ;;
    --purge) purge=1 ;;
    --no-start) no_start=1 ;;
    --root) [ $# -ge 2 ] || { usage >&2; exit 2; }; root=$2; shift ;;
    --root=*) root=${1#--root=} ;;
    --from) [ $# -ge 2 ] || { usage >&2; exit 2; }; from=$2; shift ;;
    --from=*) from=${1#--from=} ;;
    --board) [ $# -ge 2 ] || { usage >&2; exit 2; }; board=$2; shift ;;
    --board=*) board=${1#--board=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ "$purge" -eq 0 ] || [ "$uninstall" -eq 1 ] || { echo "install.sh: --purge only goes with --uninstall" >&2; exit 2; }
[ -z "$board" ] || [ "$uninstall" -eq 0 ] || { echo "install.sh: --board does not go with --uninstall" >&2; exit 2; }
board=${board%.json}
case "$board" in
  */*|.*) echo "install.sh: --board takes a profile name from hardware/boards (e.g. generic-pi4), not a path" >&2; exit 2 ;;
esac
if [ -n "$root" ]; then
  [ -d "$root" ] || die "--root $root: not a directory"
  root=$(cd "$root" && pwd)
  [ "$root" != / ] || root=""
fi
if [ -n "$from" ]; then
  [ -f "$from" ] || die "--from $from: no such file"
  from=$(cd "$(dirname "$from")" && pwd)/$(basename "$from")
fi
live=1
[ -z "$root" ] || live=0
R=$root

if [ "$dry_run" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
  if [ "$live" -eq 1 ]; then die "run as root (sudo ./install.sh ...), or try --dry-run"; fi
  echo "install.sh: not root: files in $root will be owned by $(id -un); image builders normally run as root" >&2
fi

# Every change goes through run, so --dry-run shows exactly what would happen.
run() {
  if [ "$dry_run" -eq 1 ]; then echo "+ $*"; else "$@"; fi
}
step() { echo "== $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
systemd_running() { [ "$live" -eq 1 ] && [ -d /run/systemd/system ]; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------------------------------------------
# Which architecture are we installing for? The target root's, read from the ELF header of its /bin/sh
# (e_machine 0x3e x86-64, 0xb7 aarch64); this machine's when the root has no /bin/sh yet.
arch_of_elf() {
  case "$(od -An -tx1 -j18 -N1 "$1" 2>/dev/null | tr -d ' ')" in
    3e) echo amd64 ;;
    b7) echo arm64 ;;
    *) echo unknown ;;
  esac
}
target_arch() {
  local sh
  if [ -n "$R" ]; then
    # An empty root (a fresh image tree) has no architecture yet: any archive fits.
    sh=$(readlink -f "$R/bin/sh" 2>/dev/null || true)
    if [ -n "$sh" ] && [ "${sh#"$R"}" != "$sh" ] && [ -f "$sh" ]; then arch_of_elf "$sh"
    elif [ -f "$R/usr/bin/dash" ]; then arch_of_elf "$R/usr/bin/dash"
    else echo ""; fi
  elif have dpkg; then
    dpkg --print-architecture
  else
    case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; *) uname -m ;; esac
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Staging: whatever the source, end with $src = one release directory, laid out as the archive's top directory and
# as /opt/chargercontroller/releases/<version>/: chargerd, chargerctl and the rest of the publish output at the top,
# VERSION, boards/ (board profiles), deploy/ (unit, udev, sysusers, tmpfiles, example config, config.txt), install.sh.
stage_from_tarball() {
  tar -C "$work" -xzf "$1"
  local d
  d=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'chargercontroller-*' | head -n1)
  if [ -n "$d" ] && [ ! -e "$d/chargerd" ] && [ -x "$d/bin/chargerd" ]; then
    # An archive of 0.1.0 and before had the binaries in bin/: lay it out as a release.
    mv "$d"/bin/* "$d/" && rmdir "$d/bin"
  fi
  if [ -z "$d" ] || [ ! -x "$d/chargerd" ]; then
    die "$1 is not a chargercontroller archive (no chargercontroller-*/chargerd)"
  fi
  src=$d
}

stage_from_deb() {
  have dpkg-deb || die "--from a .deb needs dpkg-deb"
  local x=$work/deb d
  dpkg-deb -x "$1" "$x"
  d=$(find "$x$releases" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | head -n1)
  [ -n "$d" ] && [ -x "$d/chargerd" ] || die "$1 is not a chargercontroller package (no $releases/<version>/chargerd)"
  src=$d
}

stage_by_building() {
  [ -f "$self_dir/packaging/publish.sh" ] || die "no --from FILE and no source tree beside install.sh to build from"
  have dotnet || die "building needs the .NET 10 SDK (dotnet); or pass --from chargercontroller-<version>-<arch>.tar.gz"
  local arch
  arch=$(target_arch)
  [ -n "$arch" ] || arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
  step "building chargerd and chargerctl (Native AOT, $arch) with packaging/publish.sh"
  if [ "$dry_run" -eq 1 ]; then
    # Show the plan without spending minutes on a build: the file list is the source tree's.
    echo "+ $self_dir/packaging/publish.sh --arch $arch --out $work/build"
    src=$work/src
    mkdir -p "$src"
    cp -r "$self_dir/deploy" "$src/deploy"
    cp -r "$self_dir/hardware/boards" "$src/boards"
    : > "$src/chargerd"; : > "$src/chargerctl"
    sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$self_dir/src/ChargerController.Worker/ChargerController.Worker.csproj" >"$src/VERSION"
    return 0
  fi
  "$self_dir/packaging/publish.sh" --arch "$arch" --out "$work/build"
  stage_from_tarball "$(ls "$work"/build/chargercontroller-*-"$arch".tar.gz)"
}

# The release's name under releases/: its VERSION, a plain name (never request-*, which chargerd's firmware update uses).
release_name() {
  local v
  v=$(head -n1 "$src/VERSION" 2>/dev/null || true)
  case "$v" in
    ''|.*|request-*|*[!A-Za-z0-9._+~-]*) die "the release has no usable VERSION ('$v')" ;;
  esac
  echo "$v"
}

# The board profile --board names, in the release (fails before anything is installed).
check_board() {
  [ -n "$board" ] || return 0
  if [ ! -f "$src/boards/$board.json" ]; then
    echo "install.sh: --board $board: no such profile; the release has:" >&2
    find "$src/boards" -maxdepth 1 -name '*.json' -printf '   %f\n' 2>/dev/null | sed 's/\.json$//' | sort >&2 || true
    exit 2
  fi
}

# ---------------------------------------------------------------------------------------------------------------
create_users_live() {
  if have systemd-sysusers; then
    run systemd-sysusers "$R/usr/lib/sysusers.d/chargercontroller.conf"
  else
    # Same result as the sysusers.d file, for a system without systemd-sysusers.
    local g
    for g in gpio spi i2c dialout input; do
      getent group "$g" >/dev/null || run groupadd --system "$g"
    done
    id charger >/dev/null 2>&1 || run useradd --system --user-group --home-dir /var/lib/chargercontroller \
      --no-create-home --shell /usr/sbin/nologin --comment "ChargerController service (chargerd)" charger
    run usermod -a -G gpio,spi,i2c,dialout,input charger
  fi
}

# The release the link `current` names, as a name under releases/ (empty: none). chargerd's firmware update writes the
# link with an absolute target, install.sh and the .deb with a relative one (releases/<name>); both are understood.
current_release() {
  local t
  t=$(readlink "$R$current" 2>/dev/null) || return 0
  case "$(dirname "$t")" in
    releases|*/releases) basename "$t" ;;
  esac
}

# An install from before releases/ existed (binaries directly in /opt/chargercontroller): becomes the release named by
# its share/VERSION, kept to roll back to, or is dropped when that is the version being installed. Configuration and
# state never lived there, so nothing else moves.
migrate_flat_install() {
  local old e
  [ -f "$R$prefix/chargerd" ] && [ ! -L "$R$prefix/chargerd" ] || return 0
  old=$(head -n1 "$R$prefix/share/VERSION" 2>/dev/null || true)
  case "$old" in ''|.*|request-*|*[!A-Za-z0-9._+~-]*) old=flat ;; esac
  if [ "$old" = "$version" ] || [ -e "$R$releases/$old" ]; then
    step "removing the flat install of $old from $R$prefix (replaced by $releases/$version)"
    old=""
  else
    step "moving the flat install of $old from $R$prefix to $releases/$old (kept to roll back to)"
    run install -d -m 0755 "$R$releases/$old"
  fi
  for e in "$R$prefix"/*; do
    case "$(basename "$e")" in releases|current|current.*) continue ;; esac
    if [ -n "$old" ]; then run mv "$e" "$R$releases/$old/"; else run rm -rf "$e"; fi
  done
  flat_previous=$old
}

# switch_current NAME: the link current -> releases/NAME, replaced in one rename(2) (a new link moved over the old one,
# the way chargerd's firmware installer does it): a service (re)starting at that moment finds either version, never none.
switch_current() {
  [ "$(readlink "$R$current" 2>/dev/null || true)" != "releases/$1" ] || return 0
  if [ -d "$R$current" ] && [ ! -L "$R$current" ]; then die "$R$current is a directory, not the link to the running release"; fi
  run ln -sfn "releases/$1" "$R$current.install"
  run mv -T -f "$R$current.install" "$R$current"
}

# install_release: $src into releases/$version. The same version already there with the same files: nothing to do.
# Different files under the same version (a rebuild): the link first moves to a copy, so `current` never dangles.
install_release() {
  local dest=$R$releases/$version tmp=$R$releases/.install-$version
  if [ -d "$dest" ] && [ "$(cd "$src" && pwd -P)" = "$(cd "$dest" && pwd -P)" ]; then
    echo "   $releases/$version is the release this install.sh runs from"
    return 0
  fi
  if [ -d "$dest" ] && diff -r -q "$src" "$dest" >/dev/null 2>&1; then
    echo "   $releases/$version: already installed, same files"
    return 0
  fi
  run rm -rf "$tmp"
  run cp -R "$src" "$tmp"
  # root-owned and not writable by the service user: a compromised chargerd cannot alter an installed release
  # (docs/FIRMWARE-UPDATE.md, "Who may write what").
  run chmod -R u+rwX,go+rX,go-w "$tmp"
  if [ -e "$dest" ]; then
    if [ "$(current_release)" = "$version" ]; then
      switch_current ".install-$version"
      run rm -rf "$dest"
      run cp -R -p "$tmp" "$dest"
      switch_current "$version"
      run rm -rf "$tmp"
      return 0
    fi
    run rm -rf "$dest"
  fi
  run mv -T "$tmp" "$dest"
}

# prune_releases KEEP...: the firmware installer's rule, the running release and the one before it stay; older ones
# (install.sh's and chargerd's request-* alike) only take space on the SD card. Names starting with a dot are
# a firmware update being unpacked right now: left alone.
prune_releases() {
  local d n k keep
  for d in "$R$releases"/*; do
    [ -d "$d" ] || continue
    n=$(basename "$d") keep=0
    for k in "$@"; do [ "$n" != "$k" ] || keep=1; done
    [ "$keep" -eq 1 ] || run rm -rf "$d"
  done
}

install_files() {
  local arch target previous
  arch=$(arch_of_elf "$src/chargerd")
  target=$(target_arch)
  if [ -s "$src/chargerd" ] && [ -n "$target" ] && [ "$arch" != "$target" ]; then
    die "the binaries are $arch, but ${root:-this machine} is $target"
  fi

  step "program: $R$releases/$version, $current -> releases/$version"
  [ -d "$R$prefix" ] || run install -d -m 0755 "$R$prefix"
  [ -d "$R$releases" ] || run install -d -m 0755 "$R$releases"
  flat_previous=""
  migrate_flat_install
  previous=$(current_release)
  [ -n "$previous" ] || previous=$flat_previous
  install_release
  switch_current "$version"
  if [ -n "$previous" ] && [ "$previous" != "$version" ]; then
    echo "   kept $releases/$previous to roll back to"
    prune_releases "$version" "$previous"
  fi
  run install -d -m 0755 "$R/usr/local/bin"
  # Through `current`: chargerctl stays the one of the running release after a firmware update.
  [ "$(readlink "$R/usr/local/bin/chargerctl" 2>/dev/null || true)" = "$current/chargerctl" ] ||
    run ln -sfn "$current/chargerctl" "$R/usr/local/bin/chargerctl"

  step "systemd unit, udev rules, sysusers.d and tmpfiles.d"
  run install -D -m 0644 "$src/deploy/systemd/$unit" "$R/etc/systemd/system/$unit"
  run install -D -m 0644 "$src/deploy/udev/99-chargercontroller.rules" "$R/etc/udev/rules.d/99-chargercontroller.rules"
  run install -D -m 0644 "$src/deploy/sysusers.d/chargercontroller.conf" "$R/usr/lib/sysusers.d/chargercontroller.conf"
  run install -D -m 0644 "$src/deploy/tmpfiles.d/chargercontroller.conf" "$R/usr/lib/tmpfiles.d/chargercontroller.conf"

  step "service user charger (groups gpio, spi, i2c, dialout, input)"
  if [ "$live" -eq 1 ]; then
    create_users_live
  else
    # systemd-sysusers.service runs at boot only when /usr is newer than /etc/.updated (ConditionNeedsUpdate):
    # touching /usr makes an image that was booted before pick up the new sysusers.d file on its next boot.
    echo "   first boot: systemd-sysusers creates it from /usr/lib/sysusers.d/chargercontroller.conf"
    run touch "$R/usr"
  fi

  step "configuration: /etc/chargercontroller"
  run install -d -m 0750 "$R/etc/chargercontroller"
  if [ -e "$R/etc/chargercontroller/chargercontroller.json" ]; then
    echo "   kept the existing /etc/chargercontroller/chargercontroller.json"
  else
    run install -m 0640 "$src/deploy/config/chargercontroller.example.json" "$R/etc/chargercontroller/chargercontroller.json"
    echo "   wrote /etc/chargercontroller/chargercontroller.json from the example: set StationId and CsmsUrl"
  fi
  install_board
  if [ "$live" -eq 1 ]; then
    # Group charger on the directory and file, state directory for the service user (tmpfiles.d above).
    run systemd-tmpfiles --create "$R/usr/lib/tmpfiles.d/chargercontroller.conf"
    if have udevadm && [ -d /run/udev ]; then
      run udevadm control --reload-rules
      run udevadm trigger --action=add --subsystem-match=tty --subsystem-match=gpio --subsystem-match=pwm
    fi
  fi

  step "enable $unit"
  if [ "$live" -eq 1 ] && have systemctl; then
    if systemd_running; then run systemctl daemon-reload; fi
    run systemctl enable "$unit"
  else
    run install -d -m 0755 "$R/etc/systemd/system/multi-user.target.wants"
    run ln -sfn "/etc/systemd/system/$unit" "$R/etc/systemd/system/multi-user.target.wants/$unit"
  fi
}

# --board NAME: the profile becomes /etc/chargercontroller/board.json (Chargerd:BoardProfile) unless one is there.
install_board() {
  [ -n "$board" ] || return 0
  if [ -e "$R/etc/chargercontroller/board.json" ]; then
    echo "   kept the existing /etc/chargercontroller/board.json (--board $board not applied)"
  else
    run install -d -m 0750 "$R/etc/chargercontroller"
    run install -m 0640 "$src/boards/$board.json" "$R/etc/chargercontroller/board.json"
    echo "   wrote /etc/chargercontroller/board.json from board profile $board"
  fi
}

print_overlays() {
  local cfg=/boot/firmware/config.txt line
  [ -f "$R$cfg" ] || cfg=/boot/config.txt
  step "Raspberry Pi firmware: add to $cfg what your board uses (hardware/README.md), then reboot"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    if [ -f "$R$cfg" ] && grep -qxF "$line" "$R$cfg"; then
      echo "   $line    (already there)"
    else
      echo "   $line"
    fi
  done < "$src/deploy/boot/config.txt"
}

start_service() {
  if [ "$live" -eq 0 ]; then
    echo "== --root: the service starts on the first boot of $root"
    return 0
  fi
  if [ "$no_start" -eq 1 ]; then
    echo "== --no-start: start it with: sudo systemctl start $unit"
    return 0
  fi
  if ! systemd_running; then
    echo "== systemd is not running here (container or chroot): the service starts on the next boot"
    return 0
  fi
  step "(re)start $unit"
  if ! run systemctl restart "$unit"; then
    echo "install.sh: installed, but $unit did not start:" >&2
    journalctl -u "$unit" -n 20 --no-pager >&2 || true
    exit 3
  fi
  chargerctl_status
}

# The technician's check, run as the service user: chargerctl needs only the socket's group, and root never runs a
# program the service user could have placed (a release installed by chargerd's firmware update is the service's own).
chargerctl_status() {
  step "chargerctl status"
  if have runuser && id charger >/dev/null 2>&1; then
    run runuser -u charger -- "$current/chargerctl" status || { echo "install.sh: installed, but chargerctl status failed" >&2; exit 3; }
  else
    run "$current/chargerctl" status || { echo "install.sh: installed, but chargerctl status failed" >&2; exit 3; }
  fi
}

# ---------------------------------------------------------------------------------------------------------------
installed_by_dpkg() {
  [ "$live" -eq 1 ] && have dpkg-query || return 1
  [[ "$(dpkg-query -W -f='${Status}' chargercontroller 2>/dev/null || true)" == *"ok installed" ]]
}

remove_user_in_root() {
  # --root --purge: the user exists only if the image has booted; drop it from the root's own account files.
  local f
  for f in passwd shadow; do
    if [ -f "$R/etc/$f" ]; then run sed -i '/^charger:/d' "$R/etc/$f"; fi
  done
  for f in group gshadow; do
    [ -f "$R/etc/$f" ] || continue
    run sed -i -e '/^charger:/d' -e 's/:charger$/:/' -e 's/:charger,/:/' -e 's/,charger,/,/' -e 's/,charger$//' "$R/etc/$f"
  done
}

do_uninstall() {
  if installed_by_dpkg; then
    step "removing the chargercontroller package"
    if [ "$purge" -eq 1 ]; then run apt-get purge -y chargercontroller; else run apt-get remove -y chargercontroller; fi
    return 0
  fi
  step "stopping and disabling $unit"
  if [ "$live" -eq 1 ] && have systemctl && [ -e "/etc/systemd/system/$unit" ]; then
    if systemd_running; then run systemctl disable --now "$unit" || true; else run systemctl disable "$unit" || true; fi
  fi
  step "removing every release, the current link, unit, udev rules, sysusers.d/tmpfiles.d files and the chargerctl link"
  run rm -f "$R/etc/systemd/system/multi-user.target.wants/$unit" "$R/etc/systemd/system/$unit" \
    "$R/etc/udev/rules.d/99-chargercontroller.rules" "$R/usr/lib/sysusers.d/chargercontroller.conf" \
    "$R/usr/lib/tmpfiles.d/chargercontroller.conf"
  if [ -L "$R/usr/local/bin/chargerctl" ]; then run rm -f "$R/usr/local/bin/chargerctl"; fi
  run rm -rf "$R$prefix"
  if systemd_running; then run systemctl daemon-reload; fi
  if [ "$live" -eq 1 ] && have udevadm && [ -d /run/udev ]; then run udevadm control --reload-rules; fi
  if [ "$purge" -eq 1 ]; then
    step "purging configuration, state and the charger user"
    run rm -rf "$R/etc/chargercontroller" "$R/var/lib/chargercontroller"
    if [ "$live" -eq 1 ]; then
      if id charger >/dev/null 2>&1; then run userdel charger; fi
    else
      remove_user_in_root
    fi
  else
    echo "   kept /etc/chargercontroller and /var/lib/chargercontroller (and the charger user); --purge removes them"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
if [ "$uninstall" -eq 1 ]; then
  do_uninstall
  echo "== uninstalled"
  exit 0
fi

if [ -n "$from" ] && [ "$live" -eq 1 ] && [ "${from%.deb}" != "$from" ]; then
  # On a live system a .deb goes through dpkg, so that apt knows the files; its maintainer scripts do the
  # same user, directory, udev and unit steps as below.
  stage_from_deb "$from"
  check_board
  step "installing $(basename "$from") with dpkg"
  if [ "$no_start" -eq 1 ]; then
    run env CHARGERCONTROLLER_NO_START=1 dpkg -i "$from"
  else
    run dpkg -i "$from"
  fi
  install_board
  print_overlays
  if [ "$no_start" -eq 0 ] && systemd_running; then chargerctl_status; fi
  exit 0
fi

case "$from" in
  "")
    # Run from an unpacked chargercontroller-<version>-<arch>.tar.gz: install what lies beside the script.
    # (or from an installed release: /opt/chargercontroller/current/install.sh repairs it)
    if [ -x "$self_dir/chargerd" ]; then src=$self_dir; else stage_by_building; fi ;;
  *.deb) stage_from_deb "$from" ;;
  *.tar.gz|*.tgz) stage_from_tarball "$from" ;;
  *) die "--from $from: expected a .tar.gz or .deb" ;;
esac
version=$(release_name)
check_board
echo "== installing chargercontroller $version into ${root:-/}"
install_files
print_overlays
start_service
echo "== done"
