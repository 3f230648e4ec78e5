using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Batch normalisation over the channels of (N, C, H, W) or the features of (N, F): TorchSharp's BatchNorm with a
/// forward that counts batches with an explicit Scalar. TorchSharp's own forward counts with
/// <c>num_batches_tracked.add_(1)</c>, whose implicitly converted Scalars a garbage collection during the call can free
/// (a resumed training run died of it: "Unknown scalar type" in at::native::add_); see Fer.Internal.ScalarArguments.
/// Same parameters and buffers under the same names as BatchNorm1d/BatchNorm2d, so saved models load either way.
/// </summary>
internal sealed class BatchNormModule : BatchNorm
{
    private readonly long _inputDimensions;

    /// <param name="features">Channels (images) or features (vectors).</param>
    /// <param name="imageInput">True for (N, C, H, W) input, false for (N, F).</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="momentum">PyTorch's momentum: the weight of the batch statistics in the running ones.</param>
    public BatchNormModule(long features, bool imageInput, double epsilon, double momentum)
        : base(features, epsilon, momentum, affine: true, track_running_stats: true, device: null, dtype: null, name: imageInput ? "BatchNorm2d" : "BatchNorm1d")
    {
        _inputDimensions = imageInput ? 4 : 2;
    }

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        if (training)
        {
            num_batches_tracked!.IncrementInPlace();
        }

        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, momentum!.Value, eps);
    }

    protected override void ValidateInputDimensions(Tensor input)
    {
        if (input.ndim != _inputDimensions)
        {
            throw new ArgumentException($"Batch normalisation expected a {_inputDimensions}D input, but got {input.ndim}D.", nameof(input));
        }
    }
}
