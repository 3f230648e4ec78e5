#!/usr/bin/env bash
# Measures what users download and deploy: the size of every package, of a consumer app's restore (its own, empty
# NuGet folder), of its framework-dependent linux-x64 publish, and of the installed `fer` tool. Prints a Markdown
# table for docs/benchmarks.md. Needs nothing but the .NET SDK; takes a few minutes (packages come from NuGet's cache).
#
#   bash bench/sizes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d /tmp/fer-sizes.XXXXXX)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-sizes"
feed="$work/feed"
mkdir -p "$feed"

for project in src/Fer.Imaging src/Fer.Datasets src/Fer.Core src/Fer.Detection src/Fer.Onnx src/Fer.Media src/Fer.Cli; do
  dotnet pack "$project" -c Release -o "$feed" -p:Version="$version" -p:FerToolAllPlatforms=true --disable-build-servers -v q -nologo >/dev/null
done

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
bytes() { du -sb "$1" | cut -f1; }

echo "| What | Size |"
echo "| --- | --- |"
for package in "$feed"/*.nupkg; do
  echo "| package $(basename "$package" ".$version.nupkg") | $(mb "$(stat -c %s "$package")") |"
done

# A consumer app as the README's Install section makes it: Fer.Core (+ Fer.Detection) and the CPU LibTorch for Linux.
app="$work/app"
mkdir -p "$app"
cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Fer.Core" Version="$version" />
    <PackageReference Include="Fer.Detection" Version="$version" />
    <PackageReference Include="libtorch-cpu-linux-x64" Version="2.10.0" />
  </ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using Fer;
using Fer.Core;
using var classifier = EmotionClassifier.LoadDefault();
Console.WriteLine(classifier.PredictPixels(new byte[48 * 48]));
CS
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="local" value="$feed" /></packageSources></configuration>
XML
export NUGET_PACKAGES="$work/nuget-packages"
dotnet restore "$app" --disable-build-servers -v q >/dev/null
echo "| consumer app (Fer.Core + Fer.Detection + libtorch-cpu-linux-x64): restored packages | $(mb "$(bytes "$NUGET_PACKAGES")") |"
dotnet publish "$app" -c Release -r linux-x64 --self-contained false -o "$work/publish" --disable-build-servers -v q >/dev/null
echo "| consumer app: framework-dependent linux-x64 publish | $(mb "$(bytes "$work/publish")") |"
dotnet "$work/publish/App.dll" >/dev/null

# The prediction-only app of the README's "Deploy without LibTorch": Fer.Onnx + Fer.Detection, no LibTorch.
onnx_app="$work/onnx-app"
mkdir -p "$onnx_app"
cat > "$onnx_app/OnnxApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Fer.Onnx" Version="$version" />
    <PackageReference Include="Fer.Detection" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$onnx_app/Program.cs" <<'CS'
using Fer;
using Fer.Onnx;
using var classifier = OnnxEmotionClassifier.LoadDefault();
Console.WriteLine(classifier.PredictPixels(new byte[48 * 48]));
CS
cp "$app/nuget.config" "$onnx_app/nuget.config"
export NUGET_PACKAGES="$work/nuget-packages-onnx"
dotnet restore "$onnx_app" --disable-build-servers -v q >/dev/null
echo "| prediction-only app (Fer.Onnx + Fer.Detection, no LibTorch): restored packages | $(mb "$(bytes "$NUGET_PACKAGES")") |"
dotnet publish "$onnx_app" -c Release -r linux-x64 --self-contained false -o "$work/onnx-publish" --disable-build-servers -v q >/dev/null
echo "| prediction-only app: framework-dependent linux-x64 publish | $(mb "$(bytes "$work/onnx-publish")") |"
dotnet "$work/onnx-publish/OnnxApp.dll" >/dev/null
export NUGET_PACKAGES="$work/nuget-packages"

dotnet tool install --tool-path "$work/tool" --add-source "$feed" Fer.Cli --version "$version" >/dev/null
echo "| \`fer\` tool installed (linux-x64) | $(mb "$(bytes "$work/tool")") |"
