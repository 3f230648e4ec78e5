using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>Pads each image by <see cref="Padding"/> zero pixels, then cuts a random <see cref="Size"/>×<see cref="Size"/> window (a random shift when the size is unchanged).</summary>
internal sealed record RandomCrop(int Size, int Padding) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var n = images.shape[0];
        var padded = Padding > 0 ? nn.functional.pad(images, [Padding, Padding, Padding, Padding]) : images;
        var height = padded.shape[2];
        var width = padded.shape[3];
        if (Size > height || Size > width)
        {
            throw new FerDataException($"RandomCrop({Size}, padding={Padding}) cannot cut {Size}x{Size} from padded images of {height}x{width}.");
        }

        var offsets = RandomDraws.Uniform(random, n, 2);
        var crops = new Tensor[n];
        for (var i = 0; i < n; i++)
        {
            var top = (long)(offsets[i * 2] * (height - Size + 1));
            var left = (long)(offsets[(i * 2) + 1] * (width - Size + 1));
            crops[i] = padded[i, TensorIndex.Colon, TensorIndex.Slice(top, top + Size), TensorIndex.Slice(left, left + Size)];
        }

        return (stack(crops), targets);
    }

    public string Describe() => $"RandomCrop({Size}, padding={Padding})";
}
