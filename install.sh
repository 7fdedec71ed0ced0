#!/usr/bin/env bash
# install.sh: install ChargerController (chargerd + chargerctl) on a Raspberry Pi or any Debian arm64/amd64 machine.
#
# Usage: sudo ./install.sh [--from FILE] [--no-start] [--dry-run]
#        sudo ./install.sh --root DIR [--from FILE] [--dry-run]     (image builders: a mounted root filesystem)
#        sudo ./install.sh --uninstall [--purge] [--root DIR] [--dry-run]
#
#   --from FILE   install a prebuilt archive (chargercontroller-<version>-<arch>.tar.gz or .deb) instead of
#                 building from this checkout (building needs the .NET 10 SDK; packaging/publish.sh)
#   --no-start    install and enable, but do not (re)start the service
#   --root DIR    install into DIR instead of /: no systemctl, useradd or udevadm against this machine; the
#                 service user and directory modes come from sysusers.d/tmpfiles.d files applied on first boot
#   --uninstall   remove the program, unit, udev rules and links; configuration and state are kept
#   --purge       with --uninstall: also delete /etc/chargercontroller, /var/lib/chargercontroller and the user
#   --dry-run     print every change instead of making it
#   --help        this text
#
# Idempotent: run it again to upgrade or repair. It never overwrites an existing configuration or database.
# Exit codes: 0 done; 1 failed; 2 bad usage; 3 installed, but the service did not start (see journalctl).
set -euo pipefail

self_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly prefix=/opt/chargercontroller
readonly unit=chargercontroller.service

dry_run=0 uninstall=0 purge=0 no_start=0 root="" from=""
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
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ "$purge" -eq 0 ] || [ "$uninstall" -eq 1 ] || { echo "install.sh: --purge only goes with --uninstall" >&2; exit 2; }
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
# Staging: whatever the source, end with $src/bin (binaries) and $src/deploy (unit, udev, sysusers, tmpfiles, config).
stage_from_tarball() {
  tar -C "$work" -xzf "$1"
  local d
  d=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'chargercontroller-*' | head -n1)
  if [ -z "$d" ] || [ ! -x "$d/bin/chargerd" ]; then
    die "$1 is not a chargercontroller archive (no chargercontroller-*/bin/chargerd)"
  fi
  src=$d
}

stage_from_deb() {
  have dpkg-deb || die "--from a .deb needs dpkg-deb"
  local x=$work/deb
  dpkg-deb -x "$1" "$x"
  [ -x "$x$prefix/chargerd" ] || die "$1 is not a chargercontroller package (no $prefix/chargerd)"
  src=$work/src
  mkdir -p "$src/bin" "$src/deploy/systemd" "$src/deploy/udev" "$src/deploy/sysusers.d" "$src/deploy/tmpfiles.d" \
    "$src/deploy/config" "$src/deploy/boot"
  find "$x$prefix" -maxdepth 1 -type f -exec cp -p {} "$src/bin/" \;
  cp "$x/usr/lib/systemd/system/$unit" "$src/deploy/systemd/"
  cp "$x/etc/udev/rules.d/99-chargercontroller.rules" "$src/deploy/udev/"
  cp "$x/usr/lib/sysusers.d/chargercontroller.conf" "$src/deploy/sysusers.d/"
  cp "$x/usr/lib/tmpfiles.d/chargercontroller.conf" "$src/deploy/tmpfiles.d/"
  cp "$x$prefix/share/chargercontroller.example.json" "$x$prefix/share/README.md" "$src/deploy/config/"
  cp "$x$prefix/share/config.txt" "$src/deploy/boot/"
  if [ -f "$x$prefix/share/VERSION" ]; then cp "$x$prefix/share/VERSION" "$src/VERSION"; fi
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
    mkdir -p "$src/bin"
    cp -r "$self_dir/deploy" "$src/deploy"
    : > "$src/bin/chargerd"; : > "$src/bin/chargerctl"
    sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$self_dir/src/ChargerController.Worker/ChargerController.Worker.csproj" >"$src/VERSION"
    return 0
  fi
  "$self_dir/packaging/publish.sh" --arch "$arch" --out "$work/build"
  stage_from_tarball "$(ls "$work"/build/chargercontroller-*-"$arch".tar.gz)"
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

install_files() {
  local f arch target
  arch=$(arch_of_elf "$src/bin/chargerd")
  target=$(target_arch)
  if [ -s "$src/bin/chargerd" ] && [ -n "$target" ] && [ "$arch" != "$target" ]; then
    die "the binaries are $arch, but ${root:-this machine} is $target"
  fi

  step "program: $R$prefix"
  run install -d -m 0755 "$R$prefix" "$R$prefix/share"
  for f in "$src"/bin/*; do
    run install -m 0755 "$f" "$R$prefix/$(basename "$f")"
  done
  run install -m 0644 "$src/deploy/config/chargercontroller.example.json" "$src/deploy/config/README.md" \
    "$src/deploy/boot/config.txt" "$R$prefix/share/"
  if [ -f "$src/VERSION" ]; then run install -m 0644 "$src/VERSION" "$R$prefix/share/VERSION"; fi
  run install -d -m 0755 "$R/usr/local/bin"
  run ln -sfn "$prefix/chargerctl" "$R/usr/local/bin/chargerctl"

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
  step "chargerctl status"
  run "$prefix/chargerctl" status || { echo "install.sh: installed, but chargerctl status failed" >&2; exit 3; }
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
  step "removing program, unit, udev rules, sysusers.d/tmpfiles.d files and the chargerctl link"
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
  step "installing $(basename "$from") with dpkg"
  if [ "$no_start" -eq 1 ]; then
    run env CHARGERCONTROLLER_NO_START=1 dpkg -i "$from"
  else
    run dpkg -i "$from"
  fi
  stage_from_deb "$from"
  print_overlays
  if [ "$no_start" -eq 0 ] && systemd_running; then
    step "chargerctl status"
    run "$prefix/chargerctl" status || { echo "install.sh: installed, but chargerctl status failed" >&2; exit 3; }
  fi
  exit 0
fi

case "$from" in
  "")
    # Run from an unpacked chargercontroller-<version>-<arch>.tar.gz: install what lies beside the script.
    if [ -x "$self_dir/bin/chargerd" ]; then src=$self_dir; else stage_by_building; fi ;;
  *.deb) stage_from_deb "$from" ;;
  *.tar.gz|*.tgz) stage_from_tarball "$from" ;;
  *) die "--from $from: expected a .tar.gz or .deb" ;;
esac
echo "== installing chargercontroller $(cat "$src/VERSION" 2>/dev/null || echo '') into ${root:-/}"
install_files
print_overlays
start_service
echo "== done"
