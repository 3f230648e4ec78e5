using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>A parameter-free module that applies a function (activations, flatten, global pooling).</summary>
internal sealed class FunctionModule : nn.Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> _function;

    public FunctionModule(string name, Func<Tensor, Tensor> function)
        : base(name)
    {
        _function = function;
    }

    public override Tensor forward(Tensor input) => _function(input);
}
