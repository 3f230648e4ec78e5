using Fer.Datasets;
using NumSharp;

namespace Fer.Internal;

/// <summary>Conversions of caller-supplied pixel arrays into 0–255 bytes, with checks that name the input.</summary>
internal static class PixelConversion
{
    public static (byte[] Pixels, ImageShape Shape) FromNDArray(NDArray images, ImageShape? shape, string source)
    {
        var dims = images.shape.Select(d => checked((int)d)).ToArray();
        ImageShape inferred = dims.Length switch
        {
            4 => new ImageShape(dims[1], dims[2], dims[3]),
            3 => new ImageShape(1, dims[1], dims[2]),
            2 when shape is { } given => given,
            2 when dims[1] == ImageShape.Fer2013.PixelCount => ImageShape.Fer2013,
            _ => throw new FerDataException(
                $"{source} must have shape (N, H, W), (N, C, H, W) or (N, H*W), but has shape ({string.Join(", ", dims)}); pass the image shape for flat arrays other than 48x48.")
            { Input = source },
        };
        if (shape is { } expected && expected != inferred)
        {
            throw new FerDataException($"{source} holds images of shape {inferred}, but shape {expected} was given.") { Input = source };
        }

        if (dims.Length == 2 && dims[1] != inferred.PixelCount)
        {
            throw new FerDataException($"{source} rows have {dims[1]} values, but images of shape {inferred} need {inferred.PixelCount}.") { Input = source };
        }

        var flat = images.flatten();
        switch (images.typecode)
        {
            case NPTypeCode.Byte:
                return (flat.ToArray<byte>(), inferred);
            case NPTypeCode.Single:
                return (UnitPixels.ToBytes(flat.ToArray<float>(), source), inferred);
            case NPTypeCode.Double:
                return (UnitPixels.ToBytes(flat.ToArray<double>().Select(d => (float)d).ToArray(), source), inferred);
            default:
                throw new FerDataException($"{source} has element type {images.typecode}; use bytes 0–255 or float/double in [0, 1].") { Input = source };
        }
    }
}
