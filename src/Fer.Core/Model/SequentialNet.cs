using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>The TorchSharp module behind a <see cref="Sequential"/>: its layers' modules in order, named "layers.0", "layers.1", ….</summary>
internal sealed class SequentialNet : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Sequential layers;

    public SequentialNet(IReadOnlyList<nn.Module<Tensor, Tensor>> modules)
        : base("Sequential")
    {
        layers = nn.Sequential(modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray());
        RegisterComponents();
        Children = modules;
    }

    /// <summary>The layers' modules, in order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Children { get; }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
