using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Sums a body path and a shortcut path (identity when it has no layers), then applies an optional activation.</summary>
internal sealed class ResidualModule : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Sequential body;
    private readonly TorchSharp.Modules.Sequential? shortcut;

    public ResidualModule(IReadOnlyList<nn.Module<Tensor, Tensor>> bodyModules, IReadOnlyList<nn.Module<Tensor, Tensor>>? shortcutModules, Func<Tensor, Tensor>? activation)
        : base("Residual")
    {
        body = nn.Sequential(bodyModules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray());
        shortcut = shortcutModules is { Count: > 0 }
            ? nn.Sequential(shortcutModules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray())
            : null;
        Activation = activation;
        RegisterComponents();
        BodyModules = bodyModules;
        ShortcutModules = shortcutModules ?? [];
    }

    /// <summary>The body path's modules, in order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> BodyModules { get; }

    /// <summary>The shortcut path's modules, in order; none for an identity shortcut.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> ShortcutModules { get; }

    /// <summary>The activation after the sum, if any.</summary>
    public Func<Tensor, Tensor>? Activation { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var sum = body.forward(input).Plus(shortcut is null ? input : shortcut.forward(input));
        return (Activation is null ? sum : Activation(sum)).MoveToOuterDisposeScope();
    }
}
