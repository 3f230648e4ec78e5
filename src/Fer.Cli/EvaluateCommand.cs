using System.CommandLine;
using Fer.Datasets;

namespace Fer.Cli;

/// <summary><c>fer evaluate --data PATH</c>: metrics of a model on labelled faces.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<string>("--data", "-d") { Description = "FER2013 CSV (plain or .gz), image folder with test/<class>/ images, or FER+'s folder layout (FER2013Train/, FER2013Valid/, FER2013Test/).", Required = true };
        var ferPlus = new Option<FileInfo?>("--ferplus")
        {
            Description = "FER+ votes (Microsoft's fer2013new.csv) for --data, which is then Kaggle's fer2013.csv in its original row order: faces are scored on their FER+ majority label by the paper's rules (faces without one are left out and counted).",
        };
        var split = new Option<Fer2013Split>("--split") { Description = "Which split to evaluate.", DefaultValueFactory = _ => Fer2013Split.PublicTest };
        var outputDirectory = new Option<DirectoryInfo?>("--out", "-o") { Description = "Also write report.txt, report.json, report.csv and confusion.png (and curves.png when the history is known) here." };
        var model = FerCommands.ModelOption();
        var json = FerCommands.JsonOption();
        var tta = FerCommands.TtaOption();
        var command = new Command("evaluate", "Evaluate a model on labelled faces: accuracy, per-class precision/recall/F1, confusion matrix.")
        {
            data, ferPlus, split, outputDirectory, model, json, tta,
        };
        command.SetAction(parsed =>
        {
            using var classifier = FerCommands.OpenClassifier(parsed.GetValue(model), parsed.GetValue(tta));
            error.WriteLine($"Loading {parsed.GetValue(data)} …");
            var (faces, selection) = Faces(parsed.GetValue(data)!, parsed.GetValue(ferPlus), parsed.GetValue(split));
            var note = selection is null ? null : $"FER+ {parsed.GetValue(split)}, majority labels by the paper's rules: {selection}";
            if (note is not null)
            {
                error.WriteLine(note);
            }

            var report = classifier.Evaluate(faces);
            var text = note is null ? report.ToString() : note + Environment.NewLine + Environment.NewLine + report;
            output.WriteLine(parsed.GetValue(json) ? report.ToJson() : text);
            if (parsed.GetValue(outputDirectory) is { } directory)
            {
                directory.Create();
                File.WriteAllText(Path.Combine(directory.FullName, "report.txt"), text);
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

    /// <summary>The faces to score: FER+ majority faces with what the rules left out (votes given, or FER+'s folders), else FER2013's.</summary>
    private static (LabeledFaces Faces, FerPlusSelection? Selection) Faces(string data, FileInfo? votes, Fer2013Split split)
    {
        var ferPlus = votes is not null
            ? FerPlus.Load(data, votes.FullName)
            : Directory.Exists(data) && Directory.EnumerateDirectories(data, "FER2013*").Any() ? FerPlus.LoadFolders(data) : null;
        if (ferPlus is null)
        {
            return (FerCommands.LoadData(data)[split], null);
        }

        var selection = ferPlus[split].Select(FerPlusLabelMode.Majority);
        return (selection.Faces, selection);
    }
}
