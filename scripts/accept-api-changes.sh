#!/usr/bin/env bash
# Accepts the public API changes the build reports, for every library in src/: each symbol the build calls undeclared
# (RS0016) is added to the project's PublicAPI.Unshipped.txt, and each declared symbol it cannot find (RS0017) is
# removed from PublicAPI.Unshipped.txt. A symbol of PublicAPI.Shipped.txt that is gone is a breaking change of a
# released version: this script leaves it and says so. Review the diff before committing (CONTRIBUTING.md).
#
#   bash scripts/accept-api-changes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for project in src/Fer.*/Fer.*.csproj; do
  [ -f "$(dirname "$project")/PublicAPI.Unshipped.txt" ] || continue
  dotnet build "$project" -c Release -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= --no-incremental -v q -nologo >>"$log" 2>&1 || true
done

status=0
for unshipped in src/Fer.*/PublicAPI.Unshipped.txt; do
  folder="$(dirname "$unshipped")"
  project="$folder/$(basename "$folder").csproj"
  added="$(grep -F "[$(realpath "$project")]" "$log" | grep ' RS0016: ' | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | LC_ALL=C sort -u || true)"
  removed="$(grep -F "[$(realpath "$project")]" "$log" | grep ' RS0017: ' | sed -E "s/.*Symbol '(.*)' is part of the declared API.*/\1/" | LC_ALL=C sort -u || true)"
  if [ -n "$removed" ]; then
    while IFS= read -r symbol; do
      if grep -qxF -- "$symbol" "$folder/PublicAPI.Shipped.txt"; then
        echo "BREAKING: $(basename "$folder") no longer has the released symbol: $symbol"
        status=1
      fi
    done <<<"$removed"
    grep -vxF -f <(printf '%s\n' "$removed") "$unshipped" >"$unshipped.new" || true
    mv "$unshipped.new" "$unshipped"
  fi
  if [ -n "$added" ]; then
    { cat "$unshipped"; printf '%s\n' "$added"; } | { read -r header; echo "$header"; LC_ALL=C sort -u; } >"$unshipped.new"
    mv "$unshipped.new" "$unshipped"
  fi
  echo "$(basename "$folder"): $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
done
exit "$status"
