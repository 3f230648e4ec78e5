using System.CommandLine;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;

namespace Fer.Cli;

/// <summary><c>fer train --data PATH --out MODEL</c>: trains a model, resumable.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var data = new Option<string>("--data", "-d") { Description = "FER2013 CSV (plain or .gz) or image folder with train/<class>/ images.", Required = true };
        var modelPath = new Option<FileInfo>("--out", "-o") { Description = "The model file to write.", Required = true };
        var architecture = new Option<string?>("--architecture", "-a")
        {
            Description = $"Network preset: {string.Join(", ", Architectures.All.Select(a => a.Name))}. {Architectures.MiniXception.Name} by default, or the --start-from model's.",
        };
        var startFrom = new Option<FileInfo?>("--start-from")
        {
            Description = $"Fine-tune: start from this trained model (a file, or an embedded model: {string.Join(", ", EmbeddedModelNames.All)}) instead of random weights; its classifier's rows are matched by emotion and new classes start fresh.",
        };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Epochs to train.", DefaultValueFactory = _ => 30 };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per step.", DefaultValueFactory = _ => 64 };
        var validationSplit = new Option<double>("--validation-split") { Description = "Share of the training faces held out (stratified) for validation.", DefaultValueFactory = _ => 0.1 };
        var limit = new Option<int?>("--limit") { Description = "Train on a stratified sample of this many faces (for quick trials)." };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, batch order, augmentation and dropout.", DefaultValueFactory = _ => 0 };
        var resume = new Option<DirectoryInfo?>("--resume-dir") { Description = "Keep the training state here after every epoch; running the same command again resumes from it." };
        var teachers = new Option<FileInfo[]>("--teacher")
        {
            Description = "Distil from this trained model: the network also learns its softened predictions (knowledge distillation). Repeat for an ensemble, whose predictions are averaged.",
        };
        var temperature = new Option<double>("--temperature") { Description = "Distillation temperature T, > 0 (with --teacher).", DefaultValueFactory = _ => 4 };
        var distillWeight = new Option<double>("--distill-weight") { Description = "Share in [0, 1] of the teachers' predictions in the loss; the rest follows the labels (with --teacher).", DefaultValueFactory = _ => 0.9 };
        var json = FerCommands.JsonOption();
        var command = new Command("train", "Train an emotion classifier on FER2013-style data and save it.")
        {
            data, modelPath, architecture, startFrom, epochs, batchSize, validationSplit, limit, seed, resume, teachers, temperature, distillWeight, json,
        };
        command.SetAction(parsed =>
        {
            error.WriteLine($"Loading {parsed.GetValue(data)} …");
            var training = FerCommands.LoadData(parsed.GetValue(data)!).Training;
            if (parsed.GetValue(limit) is { } count)
            {
                training = training.SampleStratified(count, seed: parsed.GetValue(seed));
            }

            var epochCount = parsed.GetValue(epochs);
            var callbacks = parsed.GetValue(resume) is { } directory ? new Callback[] { Callbacks.BackupAndRestore(directory.FullName) } : [];
            using var teacherModels = new TeacherModels(parsed.GetValue(teachers) ?? [], error);
            using var start = parsed.GetValue(startFrom) is { } startFile ? FerCommands.OpenClassifier(startFile, tta: false) : null;
            var architectureName = parsed.GetValue(architecture)
                ?? (start is not null && start.TrainingInfo.TryGetValue(TrainingInfoKeys.Architecture, out var startArchitecture) ? startArchitecture : Architectures.MiniXception.Name);
            var options = TrainingRecipes.Default(epochCount, parsed.GetValue(seed)) with
            {
                Architecture = Architectures.FromName(architectureName),
                StartFrom = start?.Model,
                BatchSize = parsed.GetValue(batchSize),
                ValidationSplit = parsed.GetValue(validationSplit),
                Callbacks = callbacks,
                Distillation = teacherModels.Count == 0 ? null : Losses.DistillFrom(teacherModels.Models, parsed.GetValue(temperature), parsed.GetValue(distillWeight)),
            };
            using var classifier = new TrainingProgressDisplay(error).Run(progress => EmotionClassifier.Train(training, options, progress, cancellationToken));
            var path = parsed.GetValue(modelPath)!.FullName;
            classifier.Save(path);
            var last = classifier.History!.Epochs[^1];
            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { model = path, epochs = classifier.History.Epochs.Count, last = last.Values }, FerCommands.Json));
            }
            else
            {
                output.WriteLine($"Saved {path} ({last})");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
