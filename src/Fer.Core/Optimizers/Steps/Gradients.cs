using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core.Optimization;

/// <summary>The loop every optimizer step shares: each parameter that has a gradient, with that gradient.</summary>
internal static class Gradients
{
    public static void ForEach(IEnumerable<Parameter> parameters, Action<Parameter, Tensor> update)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.grad is { } gradient)
            {
                update(parameter, gradient);
            }
        }
    }
}
