// Tests of Fer.Imaging: photos (decode, pixels, crops, resizing), face boxes and cropping rules.
