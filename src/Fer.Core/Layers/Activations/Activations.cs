using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>The functions behind <see cref="ActivationKind"/>.</summary>
internal static class Activations
{
    public static Func<Tensor, Tensor> Function(ActivationKind kind) => kind switch
    {
        ActivationKind.ReLU => x => nn.functional.relu(x),
        ActivationKind.ELU => x => nn.functional.elu(x, 1.0),
        ActivationKind.GELU => x => nn.functional.gelu(x),
        ActivationKind.Softmax => x => nn.functional.softmax(x, -1),
        ActivationKind.LeakyReLU => x => nn.functional.leaky_relu(x, 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown activation {kind}."),
    };
}
