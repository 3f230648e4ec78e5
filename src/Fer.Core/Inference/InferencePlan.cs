using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// An evaluation-only forward pass over a built network's modules, prepared once per set of weights: each batch norm
/// that follows a convolution is folded into it (<see cref="FoldedConvolution"/>), every convolution's weights are
/// copied channels-last once instead of on every call, and dropout (the identity in evaluation) is skipped.
/// Intermediate results are freed as soon as the next step has used them, so a large batch needs about two layers'
/// activations at a time. Outputs equal the modules' own evaluation-mode forward pass up to float rounding.
/// The plan holds copies of the weights: it must be rebuilt when they change (<see cref="Sequential"/> does this when
/// it trains or loads weights).
/// </summary>
internal sealed class InferencePlan : IDisposable
{
    private readonly Func<Tensor, Tensor>[] _steps;
    private readonly List<FoldedConvolution> _owned;

    private InferencePlan(Func<Tensor, Tensor>[] steps, List<FoldedConvolution> owned)
    {
        _steps = steps;
        _owned = owned;
    }

    /// <summary>The plan for <paramref name="modules"/>, which must be in evaluation mode.</summary>
    public static InferencePlan For(IReadOnlyList<nn.Module<Tensor, Tensor>> modules)
    {
        var owned = new List<FoldedConvolution>();
        try
        {
            using var noGrad = no_grad();
            return new InferencePlan(Steps(modules, owned), owned);
        }
        catch
        {
            owned.ForEach(f => f.Dispose());
            throw;
        }
    }

    /// <summary>Runs the steps on <paramref name="input"/> (which is left alive); call under no_grad or inference mode.</summary>
    public Tensor Forward(Tensor input) => Run(_steps, input);

    /// <summary>Frees the prepared weights.</summary>
    public void Dispose() => _owned.ForEach(f => f.Dispose());

    private static Tensor Run(Func<Tensor, Tensor>[] steps, Tensor input)
    {
        var x = input;
        foreach (var step in steps)
        {
            var next = step(x);
            if (!ReferenceEquals(x, input) && !ReferenceEquals(next, x))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }

    private static Func<Tensor, Tensor>[] Steps(IReadOnlyList<nn.Module<Tensor, Tensor>> modules, List<FoldedConvolution> owned)
    {
        var steps = new List<Func<Tensor, Tensor>>();
        for (var i = 0; i < modules.Count; i++)
        {
            switch (modules[i])
            {
                case ConvolutionModule convolution:
                    var batchNorm = i + 1 < modules.Count ? modules[i + 1] as BatchNormModule : null;
                    var folded = convolution.Fold(batchNorm);
                    owned.Add(folded);
                    steps.Add(folded.Forward);
                    i += batchNorm is null ? 0 : 1;
                    break;
                case Dropout:
                    break;
                case ResidualModule residual:
                    steps.Add(ResidualStep(residual, owned));
                    break;
                case AverageModule average:
                    steps.Add(AverageStep(average, owned));
                    break;
                case var module:
                    steps.Add(module.forward);
                    break;
            }
        }

        return [.. steps];
    }

    private static Func<Tensor, Tensor> ResidualStep(ResidualModule residual, List<FoldedConvolution> owned)
    {
        var body = Steps(residual.BodyModules, owned);
        var shortcut = Steps(residual.ShortcutModules, owned);
        var activation = residual.Activation;
        return input =>
        {
            using var scope = NewDisposeScope();
            var bodyOutput = Run(body, input);
            var shortcutOutput = Run(shortcut, input);
            var sum = ReferenceEquals(bodyOutput, input) ? bodyOutput.Plus(shortcutOutput) : bodyOutput.PlusInPlace(shortcutOutput);
            return (activation is null ? sum : activation(sum)).MoveToOuterDisposeScope();
        };
    }

    private static Func<Tensor, Tensor> AverageStep(AverageModule average, List<FoldedConvolution> owned)
    {
        var branches = average.BranchModules.Select(b => Steps(b, owned)).ToArray();
        return input =>
        {
            using var scope = NewDisposeScope();
            var sum = Run(branches[0], input);
            sum = ReferenceEquals(sum, input) ? sum.clone() : sum;
            for (var b = 1; b < branches.Length; b++)
            {
                sum = sum.PlusInPlace(Run(branches[b], input));
            }

            return sum.DividedBy(branches.Length).MoveToOuterDisposeScope();
        };
    }
}
