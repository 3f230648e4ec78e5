#!/usr/bin/env bash
# Sets up what the benchmarks need besides Fer.Core itself. Idempotent.
#  - the six full-size group photos (1920 px) of the npm package @vladmandic/face-api 1.7.15 (MIT), for --faces,
#    unpacked to bench/.cache/face-api (not committed; the tests ship 800-px copies);
#  - PyTorch for the comparison (bench/pytorch/): Debian 13's python3-torch 2.6 through the same trixie source,
#    pinned to priority 100, that scripts/install-prereqs.sh adds (Debian 12's own python3-torch is 1.13).
#    Note: on Debian 12 this brings Python 3.13 and the libraries python3-torch depends on from trixie (apt's -t):
#    a bench machine's setup, not something the library or its tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prereqs.sh

mkdir -p bench/.cache
if [ ! -f bench/.cache/face-api/package/demo/sample6.jpg ]; then
  (cd bench/.cache && npm pack --silent @vladmandic/face-api@1.7.15 >/dev/null && mkdir -p face-api && tar -xzf vladmandic-face-api-1.7.15.tgz -C face-api && rm vladmandic-face-api-1.7.15.tgz)
fi
echo "bench/setup: photos in bench/.cache/face-api/package/demo"

if ! /usr/bin/python3 -c 'import torch, sympy.core.numbers as n, sys; n.equal_valued; sys.exit(0 if torch.__version__.startswith("2.") else 1)' 2>/dev/null; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  sources_file=/etc/apt/sources.list.d/fer-core-trixie.sources
  if [ ! -f "$sources_file" ]; then
    # The trixie source (pinned to 100) is added by install-prereqs.sh only where libstdc++ needs it; add it here too.
    FER_FORCE_TRIXIE_SOURCE=1 bash scripts/install-prereqs.sh
  fi
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q -t trixie python3-torch python3-numpy python3-sympy
fi
/usr/bin/python3 -c 'import torch; print("bench/setup: PyTorch", torch.__version__, "with", torch.get_num_threads(), "threads")'
