#!/usr/bin/env bash
# Runs python3 of the Debian 13 root that bench/setup.sh makes (bench/.cache/trixie-root), with the host's
# /proc, /sys and /dev, this folder at /fer/pytorch and, for each argument that is an existing file outside the
# root, that file bound at /fer/inputs/<name> (the argument is rewritten). The bind mounts live in a private mount
# namespace and vanish with the process; the environment (e.g. MALLOC_* variables) passes through.
#
#   bash bench/pytorch/run-isolated.sh /fer/pytorch/fer_bench.py --data ../shared/datasets/fer2013/fer2013.csv.gz
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.cache/trixie-root" 2>/dev/null && pwd)" || { echo "run-isolated: no Debian 13 root; run bash bench/setup.sh" >&2; exit 1; }

mounts=("mount -t proc proc '$root/proc'" "mount --rbind /sys '$root/sys'" "mount --rbind /dev '$root/dev'"
        "mkdir -p '$root/fer/pytorch' '$root/fer/inputs'" "mount --bind '$here' '$root/fer/pytorch'")
arguments=()
for argument in "$@"; do
  if [ -f "$argument" ] && [ "${argument#/fer/}" = "$argument" ]; then
    name="$(basename "$argument")"
    mounts+=("touch '$root/fer/inputs/$name'" "mount --bind '$(cd "$(dirname "$argument")" && pwd)/$name' '$root/fer/inputs/$name'")
    arguments+=("/fer/inputs/$name")
  else
    arguments+=("$argument")
  fi
done

setup="$(printf '%s && ' "${mounts[@]}")"
exec unshare --mount --propagation private -- sh -c "${setup}exec chroot '$root' /usr/bin/python3 \"\$@\"" sh "${arguments[@]}"
