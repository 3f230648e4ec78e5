using System.CommandLine;
using Fer.Core;

namespace Fer.Cli;

/// <summary><c>fer export MODEL.fer|default|accurate|ferplus|ferplus-accurate MODEL.onnx</c>: a model file or an embedded model as a standard ONNX model, for Fer.Onnx and ONNX Runtime.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output)
    {
        var model = new Argument<FileInfo>("model") { Description = $"Model file written by 'fer train' or EmotionClassifier.Save, or the name of an embedded model ({string.Join(", ", EmbeddedModelNames.All)})." };
        var target = new Argument<FileInfo>("output") { Description = "The .onnx file to write (opset 17; input 'pixels' (N, 1, 48, 48) 0-255, output 'probabilities')." };
        var command = new Command("export", "Export a model to ONNX, for Fer.Onnx (no LibTorch), ONNX Runtime, Triton or ML.NET.") { model, target };
        command.SetAction(parsed =>
        {
            var source = parsed.GetValue(model)!;
            var destination = parsed.GetValue(target)!;
            using var classifier = FerCommands.OpenClassifier(source, tta: false);
            classifier.ExportOnnx(destination.FullName);
            output.WriteLine($"Exported {source.Name} to {destination.FullName} ({new FileInfo(destination.FullName).Length:N0} bytes).");
            return ExitCodes.Success;
        });
        return command;
    }
}
