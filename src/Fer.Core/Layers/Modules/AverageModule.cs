using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>Runs every branch on the input and averages their outputs.</summary>
internal sealed class AverageModule : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<TorchSharp.Modules.Sequential> branches;

    public AverageModule(IReadOnlyList<IReadOnlyList<nn.Module<Tensor, Tensor>>> branchModules)
        : base("Average")
    {
        branches = nn.ModuleList(branchModules
            .Select(path => nn.Sequential(path.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray()))
            .ToArray());
        RegisterComponents();
        BranchModules = branchModules;
    }

    /// <summary>Each branch's modules, in order.</summary>
    public IReadOnlyList<IReadOnlyList<nn.Module<Tensor, Tensor>>> BranchModules { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var sum = branches[0].forward(input);
        for (var b = 1; b < branches.Count; b++)
        {
            sum = sum.Plus(branches[b].forward(input));
        }

        return sum.DividedBy(branches.Count).MoveToOuterDisposeScope();
    }
}
