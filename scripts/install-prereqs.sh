#!/usr/bin/env bash
# Checks the native prerequisites of Fer.Core and installs nothing that is not asked for. Idempotent.
#
# LibTorch 2.10 (TorchSharp 0.107) and TorchSharp's shim need glibc >= 2.34 and libstdc++ >= GLIBCXX_3.4.30 (GCC 12):
# Debian 12, Ubuntu 22.04 and every later release have both. The shim also names one GCC 13 symbol
# (GLIBCXX_3.4.32, std::ios_base_library_init) that it never calls; Fer's build step marks that requirement weak in
# the app's own copy of the shim (src/Fer.Datasets/buildTransitive/Fer.Datasets.targets), so no system package is
# upgraded, on a developer's machine, in CI or on a production host.
#
# ONNX Runtime (Fer.Detection) needs glibc >= 2.28 and GLIBCXX_3.4.22: nothing more.
#
# Usage: scripts/install-prereqs.sh [--check] [--video] [--browser]
#   --check     only report (the default does the same: there is nothing to install for the library itself).
#   --video     install FFmpeg (Debian's ffmpeg) when missing: Fer.Media's video analysis and its tests need it.
#   --browser   install Debian's chromium when missing: the web sample's browser test drives it.
# Optional installs that fail (no root, no package mirror) only warn: the tests that need them skip and say why.
set -euo pipefail

want_video=0
want_browser=0
for argument in "$@"; do
  case "$argument" in
    --check) ;;
    --video) want_video=1 ;;
    --browser) want_browser=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-prereqs: unknown option '$argument' (see --help)" >&2; exit 2 ;;
  esac
done

required_glibc="2.34"
required_glibcxx="GLIBCXX_3.4.30"

if [ "$(uname -s)" != "Linux" ]; then
  echo "install-prereqs: not Linux; nothing to check."
  exit 0
fi

find_libstdcxx() {
  local candidate
  for candidate in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 \
                   /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    if [ -e "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 / {print $NF; exit}'
}

glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
if [ -z "$glibc" ]; then
  echo "install-prereqs: this system's C library is not glibc; LibTorch needs glibc >= $required_glibc." >&2
  exit 1
fi
if [ "$(printf '%s\n%s\n' "$required_glibc" "$glibc" | sort -V | head -n1)" != "$required_glibc" ]; then
  echo "install-prereqs: glibc $glibc is older than $required_glibc, which LibTorch 2.10 needs (Debian 12 and Ubuntu 22.04 have it)." >&2
  exit 1
fi

libstdcxx="$(find_libstdcxx)"
if [ -z "$libstdcxx" ] || ! grep -q "$required_glibcxx" "$libstdcxx"; then
  echo "install-prereqs: libstdc++ (${libstdcxx:-not found}) lacks $required_glibcxx (GCC 12), which LibTorch 2.10 needs." >&2
  echo "Install your distribution's libstdc++6 from GCC 12 or later (Debian 12 and Ubuntu 22.04 ship it)." >&2
  exit 1
fi

echo "install-prereqs: glibc $glibc and $libstdcxx ($required_glibcxx) are enough; nothing to install."

# Optional tools, installed from the distribution's packages when asked for and missing.
apt_updated=0
install_optional() {
  local command_name="$1" package="$2" purpose="$3"
  if command -v "$command_name" >/dev/null 2>&1; then
    echo "install-prereqs: $command_name is installed ($purpose)."
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != "0" ]; then
    echo "install-prereqs: warning: $command_name is missing and cannot be installed here (needs root and apt-get); $purpose will be skipped." >&2
    return 0
  fi
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    apt_updated=1
  fi
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null 2>&1; then
    echo "install-prereqs: installed $package ($purpose)."
  else
    echo "install-prereqs: warning: installing $package failed; $purpose will be skipped." >&2
  fi
}

if [ "$want_video" = 1 ]; then
  install_optional ffmpeg ffmpeg "video analysis (Fer.Media) and its tests"
fi
if [ "$want_browser" = 1 ]; then
  install_optional chromium chromium "the web sample's browser test"
fi
