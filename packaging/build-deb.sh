#!/usr/bin/env bash
# Builds chargercontroller_<version>_<arch>.deb with dpkg-deb from a Native AOT archive of packaging/publish.sh:
#
#   packaging/build-deb.sh --arch amd64|arm64 [--from chargercontroller-<version>-<arch>.tar.gz] [--out DIR]
#
# Without --from it runs packaging/publish.sh for that architecture first. The package's file tree is laid out
# by install.sh --root (one definition of where files go: the release in /opt/chargercontroller/releases/<version>/),
# then moved to Debian's places: the unit into /usr/lib/systemd/system, chargerctl into /usr/bin (through the link
# /opt/chargercontroller/current, which postinst makes, not the package: chargerd's firmware update moves it). The
# maintainer scripts (packaging/deb/) do install.sh's current-link, user, configuration, udev and unit steps.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/lib.sh
. "$repo/packaging/lib.sh"

arch="" from="" out="$repo/artifacts"
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$arch" ] || arch=$(host_arch)
rid_for_arch "$arch" >/dev/null
version=$(product_version "$repo")
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ -z "$from" ]; then
  "$repo/packaging/publish.sh" --arch "$arch" --out "$out"
  from="$out/chargercontroller-$version-$arch.tar.gz"
fi
ensure_tools dpkg-deb:dpkg readelf:binutils

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
"$repo/install.sh" --root "$stage" --from "$from" >/dev/null

# Debian places: packages ship units in /usr/lib/systemd/system and commands in /usr/bin; the wants link, the
# live configuration and its directory are made by postinst (never shipped, so never overwritten).
mkdir -p "$stage/usr/lib/systemd/system" "$stage/usr/bin"
mv "$stage/etc/systemd/system/chargercontroller.service" "$stage/usr/lib/systemd/system/"
rm -rf "${stage:?}/etc/systemd" "${stage:?}/etc/chargercontroller" "${stage:?}/usr/local"
rm -f "$stage/opt/chargercontroller/current"
ln -s /opt/chargercontroller/current/chargerctl "$stage/usr/bin/chargerctl"
release=$stage/opt/chargercontroller/releases/$version
[ -x "$release/chargerd" ] || { echo "build-deb.sh: $from is not version $version" >&2; exit 1; }

# The binaries need only libc and libm; the floor is the newest GLIBC_x.y symbol version any of them references.
elves=()
for f in "$release"/*; do
  if [ -f "$f" ] && [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then elves+=("$f"); fi
done
glibc=$(readelf --version-info --wide "${elves[@]}" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n1)
mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: chargercontroller
Version: $version
Architecture: $arch
Maintainer: ChargerController maintainers <maintainers@chargercontroller.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: libc6 (>= $glibc), systemd
Recommends: libgpiod2 | libgpiod3
Section: misc
Priority: optional
Homepage: https://github.com/chargercontroller/chargercontroller
Description: EV charging station controller for the Raspberry Pi (OCPP 2.1)
 chargerd is a systemd service that reads the energy meter over Modbus RTU, drives the
 contactor and the IEC 61851 control pilot, reads RFID cards and speaks OCPP 2.1 (2.0.1
 fallback) to a CSMS. chargerctl is the field technician's command-line tool.
CONTROL
# The udev rules name the adapters by USB id: users edit them, so dpkg keeps their edits on upgrade.
echo /etc/udev/rules.d/99-chargercontroller.rules > "$stage/DEBIAN/conffiles"
install -m 0755 "$repo/packaging/deb/prerm" "$repo/packaging/deb/postrm" "$stage/DEBIAN/"
sed "s/@VERSION@/$version/" "$repo/packaging/deb/postinst" >"$stage/DEBIAN/postinst"
chmod 0755 "$stage/DEBIAN/postinst"
chmod 0755 "$stage"

deb="$out/chargercontroller_${version}_$arch.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "-- $deb ($(du -h "$deb" | cut -f1))"
