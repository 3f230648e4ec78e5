#!/usr/bin/env bash
# Sets up what the benchmarks need besides Fer.Core itself. Idempotent. Changes no package of the host.
#  - the six full-size group photos (1920 px) of the npm package @vladmandic/face-api 1.7.15 (MIT), for --faces,
#    unpacked to bench/.cache/face-api (not committed; the tests ship 800-px copies);
#  - PyTorch and ONNX Runtime for the comparison (--pytorch, bench/pytorch/): Debian 13's python3-torch 2.6 and
#    python3-onnxruntime 1.21 inside its own Debian 13
#    root made with debootstrap (bench/.cache/trixie-root, about 1.5 GB), never on the host, whose Python and
#    libraries stay as they are. bench/pytorch/run-isolated.sh runs the script in that root (chroot in a private
#    mount namespace: needs root, debootstrap and unshare, which Debian has).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p bench/.cache
if [ ! -f bench/.cache/face-api/package/demo/sample6.jpg ]; then
  (cd bench/.cache && npm pack --silent @vladmandic/face-api@1.7.15 >/dev/null && mkdir -p face-api && tar -xzf vladmandic-face-api-1.7.15.tgz -C face-api && rm vladmandic-face-api-1.7.15.tgz)
fi
echo "bench/setup: photos in bench/.cache/face-api/package/demo"

root="bench/.cache/trixie-root"
mirror="${FER_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if [ "$(id -u)" -ne 0 ]; then
  echo "bench/setup: the PyTorch root needs root (debootstrap, chroot); run as root or skip --pytorch." >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
fi
if [ ! -x "$root/usr/bin/python3" ]; then
  rm -rf "$root"
  debootstrap --variant=minbase trixie "$root" "$mirror"
fi
if ! bash bench/pytorch/run-isolated.sh -c 'import torch, sympy, numpy, onnxruntime' 2>/dev/null; then
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-torch python3-numpy python3-sympy python3-onnxruntime
  chroot "$root" apt-get clean
fi
bash bench/pytorch/run-isolated.sh -c 'import torch, onnxruntime; print("bench/setup: PyTorch", torch.__version__, "and ONNX Runtime", onnxruntime.__version__, "with", torch.get_num_threads(), "threads, in the Debian 13 root")'
