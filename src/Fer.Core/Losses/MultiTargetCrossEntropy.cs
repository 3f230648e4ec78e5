using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// The multi-target loss of FER+ (Barsoum et al. 2016): every class whose target share is above zero counts as a right
/// answer, and the loss is <c>−log maxₖ(tₖ·pₖ)</c> with <c>tₖ = 1 − ε</c> for those classes and <c>ε</c> elsewhere
/// (ε = 0.001 as in Microsoft's reference code), so the network is rewarded for putting its probability on any one of
/// them. Learn <c>FerPlusLabelMode.MultiTarget</c> faces with it; on one-hot labels it is the plain cross-entropy.
/// </summary>
public sealed class MultiTargetCrossEntropy : Loss
{
    internal MultiTargetCrossEntropy(double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), $"MultiTargetCrossEntropy: epsilon must be in (0, 0.5), but was {epsilon}.");
        }

        Epsilon = epsilon;
    }

    /// <summary>ε: the weight of the classes that are not targets, which keeps the loss finite when the network gives them all its probability.</summary>
    public double Epsilon { get; }

    /// <summary>A description such as "MultiTargetCrossEntropy(epsilon=0.001)".</summary>
    public override string ToString() => FormattableString.Invariant($"MultiTargetCrossEntropy(epsilon={Epsilon})");

    internal override Tensor Compute(Tensor outputs, Tensor targets, bool outputsAreProbabilities)
    {
        using var scope = NewDisposeScope();
        var logProbabilities = outputsAreProbabilities ? outputs.ClampTo(1e-7, 1.0).log() : nn.functional.log_softmax(outputs, 1);
        var accepted = targets.gt(0).to(ScalarType.Float32);
        var logWeights = accepted.Times(1 - Epsilon).Plus(Epsilon).log();
        var perSample = -(logWeights + logProbabilities).max(1).values;
        return perSample.mean().MoveToOuterDisposeScope();
    }
}
