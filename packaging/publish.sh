#!/usr/bin/env bash
# Publishes chargerd and chargerctl as Native AOT for one or more Debian architectures and packs each into a
# self-contained archive that install.sh --from accepts:
#
#   packaging/publish.sh [--arch amd64|arm64]... [--out DIR]
#
# Output (default DIR = artifacts):
#   DIR/publish/linux-<x64|arm64>/            chargerd, chargerctl and their native libraries
#   DIR/chargercontroller-<version>-<arch>.tar.gz, one release directory (what install.sh puts into
#   /opt/chargercontroller/releases/<version>/ and chargerd's firmware update unpacks beside the running version):
#       chargercontroller-<version>-<arch>/{chargerd, chargerctl, ...publish output, boards/, deploy/, install.sh, VERSION}
#
# Cross-compiling arm64 on an amd64 machine uses clang + lld with the Debian aarch64 cross toolchain (the
# packages are installed when missing). Any trim or AOT warning fails the publish (see the csproj files).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/lib.sh
. "$repo/packaging/lib.sh"

arches=()
out="$repo/artifacts"
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arches+=("$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "publish.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ ${#arches[@]} -gt 0 ] || arches=("$(host_arch)")
mkdir -p "$out"
out=$(cd "$out" && pwd)

host=$(host_arch)
version=$(product_version "$repo")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for arch in "${arches[@]}"; do
  rid=$(rid_for_arch "$arch")
  extra=(-p:LinkerFlavor=lld)
  tools=(clang:clang ld.lld:lld)
  if [ "$arch" != "$host" ]; then
    if [ "$arch" != arm64 ] || [ "$host" != amd64 ]; then
      echo "publish.sh: cannot cross-compile $host -> $arch" >&2
      exit 2
    fi
    tools+=(aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu aarch64-linux-gnu-objcopy:binutils-aarch64-linux-gnu)
    extra+=(-p:ObjCopyName=aarch64-linux-gnu-objcopy)
  fi
  ensure_tools "${tools[@]}"

  dest="$out/publish/$rid"
  rm -rf "$dest"
  for project in Worker Cli; do
    echo "-- dotnet publish src/ChargerController.$project -r $rid (Native AOT)"
    dotnet publish "$repo/src/ChargerController.$project/ChargerController.$project.csproj" \
      -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=true "${extra[@]}" \
      -o "$dest" -nologo
  done
  # Debug symbols, XML docs and PDBs stay in the publish folder for the developer; the archive takes only what runs.
  stage=$(mktemp -d)
  name="chargercontroller-$version-$arch"
  mkdir -p "$stage/$name/deploy" "$stage/$name/boards"
  # The whole publish output (a further executable published into it ships too), executables at the top: the unit
  # starts /opt/chargercontroller/current/chargerd, and the firmware installer looks for chargerd there.
  for f in "$dest"/*; do
    case "$f" in
      *.dbg|*.pdb|*.xml|*.json) ;;
      *) [ ! -f "$f" ] || install -m 0755 "$f" "$stage/$name/" ;;
    esac
  done
  cp -r "$repo/deploy/." "$stage/$name/deploy/"
  install -m 0644 "$repo"/hardware/boards/*.json "$stage/$name/boards/"
  install -m 0755 "$repo/install.sh" "$stage/$name/install.sh"
  echo "$version" > "$stage/$name/VERSION"
  tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
  rm -rf "$stage"
  echo "-- $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); chargerd $(du -h "$dest/chargerd" | cut -f1), chargerctl $(du -h "$dest/chargerctl" | cut -f1)"
done
