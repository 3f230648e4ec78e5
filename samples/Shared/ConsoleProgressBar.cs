using System.Globalization;
using Fer.Core;

namespace Fer.Samples;

/// <summary>A one-line text progress bar for training, redrawn in place on a terminal and printed per epoch otherwise.</summary>
internal sealed class ConsoleProgressBar : IProgress<TrainingProgress>
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private DateTime _lastDraw;

    public void Report(TrainingProgress value)
    {
        if (value.Phase == TrainingPhase.EpochEnd)
        {
            if (_interactive)
            {
                Console.Write("\r" + new string(' ', Console.WindowWidth > 0 ? Console.WindowWidth - 1 : 100) + "\r");
            }

            Console.WriteLine(value.Logs);
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
        Console.Write(string.Create(CultureInfo.InvariantCulture,
            $"\repoch {value.Epoch}/{value.Epochs} {phase} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} loss {value.Loss:0.0000} {value.ImagesPerSecond,6:0} img/s "));
    }
}
