using Spectre.Console;

namespace Fer.Cli;

/// <summary>
/// A progress bar for long work (video frames, photos of a folder) on the CLI's message stream with Spectre.Console:
/// live on a terminal, silent when redirected (logs, CI, tests), where the command prints its summary instead.
/// </summary>
internal static class WorkProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback that sets the bar's value (0–max) and description.</summary>
    public static T Run<T>(TextWriter writer, string description, double max, Func<Action<double, string>, T> work)
    {
        var live = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        if (!live)
        {
            return work((_, _) => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(max, 1));
                return work((value, text) =>
                {
                    task.Value = Math.Min(value, task.MaxValue);
                    task.Description = text;
                });
            });
    }
}
