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
# Usage: scripts/install-prereqs.sh [--check]
#   --check   only report (the default does the same today: there is nothing to install for the library itself).
set -euo pipefail

for argument in "$@"; do
  case "$argument" in
    --check) ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
