using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core.Optimization;

/// <summary>
/// TorchSharp's AdamW (decoupled weight decay) with a step whose number arguments are explicit Scalars kept alive for
/// each native call; see <see cref="Adam"/> for why. Keeps TorchSharp's name, options and state.
/// </summary>
internal sealed class AdamW : TorchSharp.Modules.AdamW
{
    public AdamW(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var learningRate = options.LearningRate!.Value;
        Gradients.ForEach(group.Parameters, (parameter, gradient) =>
        {
            parameter.TimesInPlace(1 - (learningRate * options.weight_decay!.Value));
            var state = (State)_state[parameter.Handle];
            AdamMoments.Update(parameter, gradient, state.exp_avg, state.exp_avg_sq, ref state.step, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, learningRate);
        });
    }, closure);
}
