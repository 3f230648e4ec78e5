using static TorchSharp.torch;

namespace Fer.Datasets.Augmentation;

/// <summary>
/// Rotation, zoom, shear and translation combined into one affine matrix per image and resampled once
/// (bilinear, zero fill), so that chaining them does not blur the image repeatedly.
/// </summary>
internal sealed record RandomAffine(double Degrees, double Translate, double MinScale, double MaxScale, double ShearDegrees) : IBatchTransform
{
    public (Tensor Images, Tensor Targets) Apply(Tensor images, Tensor targets, Generator random)
    {
        var n = images.shape[0];
        var draws = RandomDraws.Uniform(random, n, 5);
        var theta = new float[n * 6];
        for (var i = 0; i < n; i++)
        {
            var d = draws.AsSpan(i * 5, 5);
            var angle = (((d[0] * 2) - 1) * Degrees) * Math.PI / 180;
            var scale = MinScale + (d[1] * (MaxScale - MinScale));
            var shear = Math.Tan((((d[2] * 2) - 1) * ShearDegrees) * Math.PI / 180);
            var tx = ((d[3] * 2) - 1) * Translate * 2;
            var ty = ((d[4] * 2) - 1) * Translate * 2;

            // Output-to-input sampling matrix: inverse of (rotate · shear · scale), in normalised [-1, 1] coordinates.
            var cos = Math.Cos(angle);
            var sin = Math.Sin(angle);
            double a = cos, b = (cos * shear) - sin, c = sin, e = (sin * shear) + cos;
            var det = (a * e) - (b * c);
            var row = theta.AsSpan(i * 6, 6);
            row[0] = (float)(e / det / scale);
            row[1] = (float)(-b / det / scale);
            row[2] = (float)tx;
            row[3] = (float)(-c / det / scale);
            row[4] = (float)(a / det / scale);
            row[5] = (float)ty;
        }

        var matrices = tensor(theta, [n, 2, 3]).to(images.device);
        var grid = nn.functional.affine_grid(matrices, images.shape, align_corners: false);
        var warped = nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
        return (warped, targets);
    }

    public string Describe()
        => FormattableString.Invariant($"RandomAffine(degrees={Degrees}, translate={Translate}, scale=({MinScale}, {MaxScale}), shear={ShearDegrees})");
}
