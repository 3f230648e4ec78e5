using Fer.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>The functions behind <see cref="ActivationKind"/>.</summary>
internal static class Activations
{
    // Explicit Scalars that live as long as the process: TorchSharp's elu and leaky_relu convert their numbers to
    // Scalars implicitly, which a collection during the call can free (see ScalarArguments).
    private static readonly Scalar LeakySlope = 0.01.ToScalar();

    public static Func<Tensor, Tensor> Function(ActivationKind kind) => kind switch
    {
        ActivationKind.ReLU => x => nn.functional.relu(x),
        ActivationKind.ELU => x => x.elu(ScalarArguments.One, ScalarArguments.One, ScalarArguments.One),
        ActivationKind.GELU => x => nn.functional.gelu(x),
        ActivationKind.Softmax => x => nn.functional.softmax(x, -1),
        ActivationKind.LeakyReLU => x => x.leaky_relu(LeakySlope),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown activation {kind}."),
    };
}
