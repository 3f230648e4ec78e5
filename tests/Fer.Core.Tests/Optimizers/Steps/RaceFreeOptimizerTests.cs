using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class RaceFreeOptimizerTests
{
    public static TheoryData<string> Kinds => ["Adam", "AdamW", "SGD", "SGD-Nesterov"];

    private static readonly long[][] ManySmallParameters = [.. Enumerable.Repeat<long[]>([64], 20)];

    private static readonly long[][] LayerLikeParameters = [[16, 3, 3, 3], [16], [7, 16]];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Steps_equal_TorchSharps_own_optimizer_bit_for_bit(string kind)
    {
        using var ours = new Trajectory(kind, raceFree: true);
        using var theirs = new Trajectory(kind, raceFree: false);
        ours.Run(steps: 25, gradientSeed: 11);
        theirs.Run(steps: 25, gradientSeed: 11);
        ours.AssertSameParameters(theirs, tolerance: 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Steps_stay_correct_while_the_collector_runs_finalizers_meanwhile(string kind)
    {
        // TorchSharp's own optimizers crash here within 200-1200 steps (Scalar freed during the native call).
        using var quiet = new Trajectory(kind, raceFree: true, ManySmallParameters);
        quiet.Run(steps: 1500, gradientSeed: 5);
        using var hammered = new Trajectory(kind, raceFree: true, ManySmallParameters);
        await using (BusyCollector.Start(GC.MaxGeneration))
        {
            hammered.Run(steps: 1500, gradientSeed: 5);
        }

        hammered.AssertSameParameters(quiet, tolerance: 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void State_saved_by_TorchSharps_optimizer_resumes_in_ours_as_if_never_stopped(string kind)
    {
        using var theirs = new Trajectory(kind, raceFree: false);
        theirs.Run(steps: 10, gradientSeed: 3);
        var saved = theirs.SaveState();

        using var ours = new Trajectory(kind, raceFree: true);
        ours.CopyParametersFrom(theirs);
        ours.LoadState(saved);
        ours.Run(steps: 10, gradientSeed: 4);
        theirs.Run(steps: 10, gradientSeed: 4);
        ours.AssertSameParameters(theirs, tolerance: 0);
        Assert.Equal(saved.Length, ours.SaveState().Length);
    }

    /// <summary>A few parameters optimized with reproducible gradients, by our optimizer or TorchSharp's.</summary>
    private sealed class Trajectory : IDisposable
    {
        private readonly Parameter[] _parameters;
        private readonly OptimizerHelper _optimizer;

        private readonly Tensor _start;

        public Trajectory(string kind, bool raceFree, long[][]? shapes = null)
        {
            var generator = new Generator(42);
            _parameters = [.. (shapes ?? LayerLikeParameters).Select(shape => new Parameter(randn(shape, generator: generator)))];
            _start = _parameters[0].detach().clone();
            _optimizer = (kind, raceFree) switch
            {
                ("Adam", true) => Optimizers.Adam(1e-2, weightDecay: 1e-3).Create(_parameters),
                ("Adam", false) => TorchSharp.torch.optim.Adam(_parameters, 1e-2, 0.9, 0.999, 1e-7, 1e-3),
                ("AdamW", true) => Optimizers.AdamW(1e-2, weightDecay: 5e-2).Create(_parameters),
                ("AdamW", false) => TorchSharp.torch.optim.AdamW(_parameters, 1e-2, 0.9, 0.999, 1e-7, 5e-2),
                ("SGD", true) => Optimizers.Sgd(1e-2, momentum: 0.9, weightDecay: 1e-3).Create(_parameters),
                ("SGD", false) => TorchSharp.torch.optim.SGD(_parameters, 1e-2, 0.9, 0, 1e-3, false),
                ("SGD-Nesterov", true) => Optimizers.Sgd(1e-2, momentum: 0.9, nesterov: true, weightDecay: 1e-3).Create(_parameters),
                _ => TorchSharp.torch.optim.SGD(_parameters, 1e-2, 0.9, 0, 1e-3, true),
            };
            Assert.Equal(raceFree, _optimizer.GetType().Namespace == "Fer.Core.Optimization");
        }

        public void Run(int steps, ulong gradientSeed)
        {
            var generator = new Generator(gradientSeed);
            for (var step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                foreach (var parameter in _parameters)
                {
                    parameter.grad = randn(parameter.shape, generator: generator);
                }

                _optimizer.step();
            }
        }

        public byte[] SaveState()
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                _optimizer.save_state_dict(writer);
            }

            return buffer.ToArray();
        }

        public void LoadState(byte[] state)
        {
            using var reader = new BinaryReader(new MemoryStream(state));
            _optimizer.load_state_dict(reader);
        }

        public void CopyParametersFrom(Trajectory other)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].copy_(other._parameters[i]);
            }
        }

        public void AssertSameParameters(Trajectory other, double tolerance)
        {
            using var scope = NewDisposeScope();
            for (var i = 0; i < _parameters.Length; i++)
            {
                var difference = (_parameters[i] - other._parameters[i]).abs().max().item<float>();
                Assert.True(difference <= tolerance, $"parameter {i} differs by {difference}");
            }

            var moved = (_parameters[0] - _start).abs().max().item<float>();
            Assert.True(moved > 1e-3, "the steps did not move the parameters");
        }

        public void Dispose()
        {
            _optimizer.Dispose();
            _start.Dispose();
            foreach (var parameter in _parameters)
            {
                parameter.Dispose();
            }
        }
    }
}
