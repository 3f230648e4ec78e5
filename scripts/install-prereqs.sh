#!/usr/bin/env bash
# Installs the native prerequisites of Fer.Core. Idempotent: safe to run any number of times.
#
# TorchSharp 0.107 ships LibTorch 2.10, whose native library needs libstdc++ from GCC >= 13
# (symbol GLIBCXX_3.4.32). Debian 12 (bookworm) ships GCC 12's libstdc++, which lacks it;
# Debian 13 and Ubuntu 24.04 have it already. On a Debian system that lacks the symbol this
# script adds Debian trixie as an apt source pinned to priority 100 (so nothing else is
# upgraded from it) and installs only libstdc++6 from it. Where the symbol is present it does
# nothing.
#
# Fer.Detection's ONNX Runtime (libonnxruntime, from the Microsoft.ML.OnnxRuntime package) needs only glibc >= 2.28
# and GLIBCXX_3.4.22, which every supported distribution has: nothing more to install for it.
set -euo pipefail

required_symbol="GLIBCXX_3.4.32"

find_libstdcxx() {
  local candidate
  for candidate in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 \
                   /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    if [ -e "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 / {print $NF; exit}'
}

has_symbol() {
  local lib
  lib="$(find_libstdcxx)"
  [ -n "$lib" ] && grep -q "$required_symbol" "$lib"
}

# FER_FORCE_TRIXIE_SOURCE=1 (used by bench/setup.sh, which installs PyTorch from trixie) adds the pinned source even
# where libstdc++ is already new enough.
if has_symbol && [ -z "${FER_FORCE_TRIXIE_SOURCE:-}" ]; then
  echo "install-prereqs: libstdc++ already provides $required_symbol; nothing to do."
  exit 0
fi

if [ ! -r /etc/os-release ] || ! grep -qE '^ID=debian' /etc/os-release; then
  echo "install-prereqs: libstdc++ lacks $required_symbol and this is not Debian." >&2
  echo "Install libstdc++ from GCC >= 13 with your distribution's package manager (Ubuntu 24.04, Debian 13 and Fedora 39+ have it)." >&2
  exit 1
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

echo "install-prereqs: libstdc++ lacks $required_symbol; installing libstdc++6 from Debian trixie (pinned to priority 100)."
sources_file=/etc/apt/sources.list.d/fer-core-trixie.sources
pin_file=/etc/apt/preferences.d/fer-core-trixie.pref
if [ ! -f "$sources_file" ]; then
  $sudo_cmd tee "$sources_file" >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
if [ ! -f "$pin_file" ]; then
  $sudo_cmd tee "$pin_file" >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
fi

$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -t trixie libstdc++6

if has_symbol; then
  echo "install-prereqs: done; libstdc++ now provides $required_symbol."
else
  echo "install-prereqs: libstdc++6 was installed from trixie but $required_symbol is still missing." >&2
  exit 1
fi
