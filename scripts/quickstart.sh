#!/usr/bin/env bash
# Quick start: checks the prerequisites (scripts/install-prereqs.sh with no option installs nothing), then predicts the emotion of one PublicTest face per class with the
# default model embedded in Fer.Core (faces taken from ../shared/datasets/fer2013/fer2013-images.tar.gz),
# or of the face images you pass: bash scripts/quickstart.sh face1.jpg face2.png
# Then finds and classifies every face of a group photo shipped with the tests, writing an annotated copy and a
# JSON file to runs/quickstart/photos/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prereqs.sh

images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  tarball="../shared/datasets/fer2013/fer2013-images.tar.gz"
  if [ ! -f "$tarball" ]; then
    echo "No images given and $tarball is absent: pass image files, e.g. bash scripts/quickstart.sh face.jpg" >&2
    exit 2
  fi
  mkdir -p runs/quickstart
  tar -xzf "$tarball" -C runs/quickstart \
    test/angry/PublicTest_10116449.jpg test/disgust/PublicTest_11387162.jpg test/fear/PublicTest_10150476.jpg \
    test/happy/PublicTest_10130075.jpg test/neutral/PublicTest_10014592.jpg test/sad/PublicTest_10404299.jpg \
    test/surprise/PublicTest_10709121.jpg
  images=(runs/quickstart/test/*/*.jpg)
fi

dotnet run -c Release --project samples/Predict -- "${images[@]}"

dotnet run -c Release --project samples/Predict -- --annotate runs/quickstart/photos tests/Fer.Detection.Tests/Photos/group5.jpg
