using System.CommandLine;
using Fer.Datasets;

namespace Fer.Cli;

/// <summary><c>fer evaluate --data PATH</c>: metrics of a model on labelled faces.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<string>("--data", "-d") { Description = "FER2013 CSV (plain or .gz) or image folder with test/<class>/ images.", Required = true };
        var split = new Option<Fer2013Split>("--split") { Description = "Which split to evaluate.", DefaultValueFactory = _ => Fer2013Split.PublicTest };
        var outputDirectory = new Option<DirectoryInfo?>("--out", "-o") { Description = "Also write report.txt, report.json, report.csv and confusion.png (and curves.png when the history is known) here." };
        var model = FerCommands.ModelOption();
        var json = FerCommands.JsonOption();
        var tta = FerCommands.TtaOption();
        var command = new Command("evaluate", "Evaluate a model on labelled faces: accuracy, per-class precision/recall/F1, confusion matrix.")
        {
            data, split, outputDirectory, model, json, tta,
        };
        command.SetAction(parsed =>
        {
            using var classifier = FerCommands.OpenClassifier(parsed.GetValue(model), parsed.GetValue(tta));
            error.WriteLine($"Loading {parsed.GetValue(data)} …");
            var faces = FerCommands.LoadData(parsed.GetValue(data)!)[parsed.GetValue(split)];
            var report = classifier.Evaluate(faces);
            output.WriteLine(parsed.GetValue(json) ? report.ToJson() : report.ToString());
            if (parsed.GetValue(outputDirectory) is { } directory)
            {
                directory.Create();
                File.WriteAllText(Path.Combine(directory.FullName, "report.txt"), report.ToString());
                report.SaveJson(Path.Combine(directory.FullName, "report.json"));
                report.SaveCsv(Path.Combine(directory.FullName, "report.csv"));
                report.SaveConfusionMatrixPng(Path.Combine(directory.FullName, "confusion.png"));
                if (report.History is not null)
                {
                    report.SaveTrainingCurvesPng(Path.Combine(directory.FullName, "curves.png"));
                }

                error.WriteLine($"Report written to {directory.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
