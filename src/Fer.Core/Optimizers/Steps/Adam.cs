using Fer.Internal;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core.Optimization;

/// <summary>
/// TorchSharp's Adam with a step whose number arguments are explicit Scalars kept alive for each native call
/// (<see cref="ScalarArguments"/>). TorchSharp's own step converts numbers to Scalars implicitly, and a garbage
/// collection during the call can free such a Scalar while LibTorch reads it ("Expected false to be true" from
/// c10::Scalar::toDouble; reproduced within seconds while another thread collects). The class keeps TorchSharp's
/// name, options and state, so optimizer state saved by either loads into the other. AMSGrad and maximize, which
/// Fer.Core never enables, are not implemented (the same holds for <see cref="AdamW"/>).
/// </summary>
internal sealed class Adam : TorchSharp.Modules.Adam
{
    public Adam(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        Gradients.ForEach(group.Parameters, (parameter, gradient) =>
        {
            var penalized = options.weight_decay!.Value == 0 ? gradient : gradient.PlusScaled(parameter, options.weight_decay.Value);
            var state = (State)_state[parameter.Handle];
            AdamMoments.Update(parameter, penalized, state.exp_avg, state.exp_avg_sq, ref state.step, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.LearningRate!.Value);
        });
    }, closure);
}
