using Fer.Core;
using Spectre.Console;

namespace Fer.Cli;

/// <summary>
/// Shows training progress on the CLI's message stream with Spectre.Console: on a terminal, a live bar per epoch
/// (batches, loss, images per second) above the finished epochs' lines; when redirected (logs, CI, tests), one line
/// per finished epoch and nothing else.
/// </summary>
internal sealed class TrainingProgressDisplay
{
    private readonly IAnsiConsole _console;
    private readonly bool _live;

    public TrainingProgressDisplay(TextWriter writer)
    {
        _live = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = _live ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = _live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = _live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
    }

    /// <summary>Runs <paramref name="train"/>, giving it the progress sink that draws here.</summary>
    public T Run<T>(Func<IProgress<TrainingProgress>, T> train)
    {
        if (!_live)
        {
            return train(new EpochLines(_console, null));
        }

        return _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => train(new EpochLines(_console, context)));
    }

    /// <summary>The sink: a bar per epoch when live, and a line per finished epoch always.</summary>
    private sealed class EpochLines(IAnsiConsole console, ProgressContext? context) : IProgress<TrainingProgress>
    {
        private ProgressTask? _task;

        public void Report(TrainingProgress value)
        {
            if (value.Phase == TrainingPhase.EpochEnd)
            {
                _task?.StopTask();
                _task = null;
                console.WriteLine(value.Logs?.ToString() ?? $"epoch {value.Epoch}");
                return;
            }

            if (context is null)
            {
                return;
            }

            _task ??= context.AddTask($"epoch {value.Epoch}/{value.Epochs}", maxValue: Math.Max(1, value.Batches));
            _task.Value = value.Batch;
            _task.Description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"epoch {value.Epoch}/{value.Epochs} {(value.Phase == TrainingPhase.Training ? "train" : "valid")} loss {value.Loss:0.0000} {value.ImagesPerSecond:0} img/s");
        }
    }
}
