using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core.Optimization;

/// <summary>
/// TorchSharp's SGD (optionally with Nesterov momentum) with a step whose number arguments are explicit Scalars kept
/// alive for each native call; see <see cref="Adam"/> for why. Keeps TorchSharp's name, options and state.
/// </summary>
internal sealed class SGD : TorchSharp.Modules.SGD
{
    public SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay, bool nesterov)
        : base(parameters, learningRate, momentum, 0, weightDecay, nesterov)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var momentum = options.momentum!.Value;
        var weightDecay = options.weight_decay!.Value;
        Gradients.ForEach(group.Parameters, (parameter, gradient) =>
        {
            if (weightDecay != 0)
            {
                gradient = gradient.PlusScaled(parameter, weightDecay);
            }

            if (momentum != 0)
            {
                var state = (State)_state[parameter.Handle];
                if (state.momentum_buffer is null)
                {
                    state.momentum_buffer = gradient.clone().detach().DetachFromDisposeScope();
                }
                else
                {
                    state.momentum_buffer.TimesInPlace(momentum).PlusScaledInPlace(gradient, 1 - options.dampening!.Value);
                }

                gradient = options.nesterov!.Value ? gradient.PlusScaled(state.momentum_buffer, momentum) : state.momentum_buffer;
            }

            parameter.PlusScaledInPlace(gradient, -options.LearningRate!.Value);
        });
    }, closure);
}
