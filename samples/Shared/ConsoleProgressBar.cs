using System.Globalization;
using Fer.Core;

namespace Fer.Samples;

/// <summary>A one-line text progress bar for training, redrawn in place on a terminal and printed per epoch otherwise.</summary>
internal sealed class ConsoleProgressBar : IProgress<TrainingProgress>
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private DateTime _lastDraw;

    /// <summary>Draws on <paramref name="writer"/> (standard output by default); redraws in place only on a terminal.</summary>
    public ConsoleProgressBar(TextWriter? writer = null)
    {
        _writer = writer ?? Console.Out;
        _interactive = ReferenceEquals(_writer, Console.Out) ? !Console.IsOutputRedirected
            : ReferenceEquals(_writer, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Report(TrainingProgress value)
    {
        if (value.Phase == TrainingPhase.EpochEnd)
        {
            if (_interactive)
            {
                _writer.Write("\r" + new string(' ', 110) + "\r");
            }

            _writer.WriteLine(value.Logs);
            return;
        }

        if (!_interactive || (DateTime.UtcNow - _lastDraw).TotalMilliseconds < 100)
        {
            return;
        }

        _lastDraw = DateTime.UtcNow;
        var share = value.Batches == 0 ? 0 : (double)value.Batch / value.Batches;
        var filled = (int)(share * Width);
        var phase = value.Phase == TrainingPhase.Training ? "train" : "valid";
        _writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"\repoch {value.Epoch}/{value.Epochs} {phase} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} loss {value.Loss:0.0000} {value.ImagesPerSecond,6:0} img/s "));
    }
}
