using System.CommandLine;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;

namespace Fer.Cli;

/// <summary>Builds the <c>fer</c> command tree: <c>fer train</c>, <c>fer predict</c>, <c>fer evaluate</c>, <c>fer export</c>, <c>fer video</c>.</summary>
internal static class FerCommands
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Parses and runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("fer: facial expression recognition with Fer.Core (FER2013's seven emotions, or FER+'s eight with --model ferplus).");
        root.Subcommands.Add(TrainCommand.Create(output, error, cancellationToken));
        root.Subcommands.Add(PredictCommand.Create(output, error));
        root.Subcommands.Add(EvaluateCommand.Create(output, error));
        root.Subcommands.Add(ExportCommand.Create(output));
        root.Subcommands.Add(VideoCommand.Create(output, error, cancellationToken));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine(problem.Message);
            }

            error.WriteLine("Run 'fer --help' or 'fer <command> --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (NativeLibraryException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.EnvironmentError;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is FerException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
    }

    internal static Option<FileInfo?> ModelOption() => new("--model", "-m")
    {
        Description = $"Model file written by 'fer train' or EmotionClassifier.Save, or an embedded model: {string.Join(", ", EmbeddedModelNames.All)} (FER2013's seven emotions: default, fast; accurate, an ensemble with ten-crop; FER+'s eight: ferplus, fast; ferplus-accurate, with ten-crop). The embedded default model when omitted.",
    };

    internal static Option<FileInfo?> OnnxOption() => new("--onnx")
    {
        Description = $"Predict with this ONNX model (from 'fer export') on ONNX Runtime instead of TorchSharp, or with one of Fer.Onnx's embedded models ({string.Join(", ", EmbeddedModelNames.All)}); a --model ending in .onnx does the same.",
    };

    internal static Option<bool> JsonOption() => new("--json")
    {
        Description = "Write results as JSON to standard output (progress and messages go to standard error).",
    };

    internal static Option<bool> TtaOption() => new("--tta")
    {
        Description = "Test-time augmentation: average each prediction over ten crops and their mirrors. Without it, the model's own default (none for the default model, ten-crop for the accurate one).",
    };

    internal static EmotionClassifier OpenClassifier(FileInfo? model, bool tta)
    {
        var classifier = EmbeddedModelOption.Find(model) is { } embedded
            ? EmotionClassifier.LoadEmbedded(embedded)
            : EmotionClassifier.Load(model!.FullName);
        if (tta)
        {
            classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
        }

        return classifier;
    }

    /// <summary>
    /// The classifier for prediction: ONNX Runtime for an .onnx model (<paramref name="onnx"/>, or a
    /// <paramref name="model"/> ending in .onnx), else TorchSharp with the model file or the embedded default.
    /// </summary>
    internal static IEmotionPredictor OpenPredictor(FileInfo? model, FileInfo? onnx, bool tta)
    {
        if (model is not null && onnx is not null)
        {
            throw new ArgumentException("Give either --model or --onnx, not both.");
        }

        var onnxModel = onnx ?? (model is not null && model.Extension.Equals(".onnx", StringComparison.OrdinalIgnoreCase) ? model : null);
        if (onnxModel is null)
        {
            return OpenClassifier(model, tta);
        }

        var classifier = EmbeddedModelOption.Find(onnxModel) is { } embedded
            ? Fer.Onnx.OnnxEmotionClassifier.LoadEmbedded(embedded)
            : Fer.Onnx.OnnxEmotionClassifier.Load(onnxModel.FullName);
        if (tta)
        {
            classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
        }

        return classifier;
    }

    internal static FerDataset LoadData(string path)
        => Directory.Exists(path) ? Fer2013.LoadFolders(path) : Fer2013.Load(path);
}
