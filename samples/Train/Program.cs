// Trains an emotion classifier on FER2013 (CSV or image folders) and writes the model and an evaluation report.
//
//   dotnet run -c Release --project samples/Train -- --data ../shared/datasets/fer2013/fer2013.csv.gz \
//       --out runs/train [--architecture MiniXception] [--epochs 30] [--batch-size 64] [--limit N] [--seed 0]
using System.CommandLine;
using Fer.Core;
using Fer.Datasets;
using Fer.Samples;

var data = new Option<string?>("--data") { Description = "FER2013 CSV (plain or .gz) or image folder; the shared copy beside the repository when omitted." };
var output = new Option<string>("--out") { Description = "Where the model, report and pictures go.", DefaultValueFactory = _ => "runs/train" };
var architecture = new Option<string>("--architecture") { Description = $"One of {string.Join(", ", Architectures.All.Select(a => a.Name))}.", DefaultValueFactory = _ => "MiniXception" };
var epochs = new Option<int>("--epochs") { Description = "Epochs to train.", DefaultValueFactory = _ => 30 };
var batchSize = new Option<int>("--batch-size") { Description = "Images per step.", DefaultValueFactory = _ => 64 };
var limit = new Option<int?>("--limit") { Description = "Train on a stratified sample of this many faces." };
var seed = new Option<int>("--seed") { Description = "Seed of the split, initialisation, order and augmentation.", DefaultValueFactory = _ => 0 };
var root = new RootCommand("Trains an emotion classifier on FER2013 and writes the model and an evaluation report.")
{
    data, output, architecture, epochs, batchSize, limit, seed,
};
root.SetAction(parsed =>
{
    var dataPath = parsed.GetValue(data) ?? SampleData.FindSharedFer2013()
        ?? throw new ArgumentException("Pass --data with a FER2013 CSV or image folder.");
    var outputFolder = parsed.GetValue(output)!;
    Directory.CreateDirectory(outputFolder);

    Console.WriteLine($"Loading {dataPath} …");
    var faces = Directory.Exists(dataPath) ? Fer2013.LoadFolders(dataPath) : Fer2013.Load(dataPath);
    var training = parsed.GetValue(limit) is { } count ? faces.Training.SampleStratified(count, seed: 1) : faces.Training;
    Console.WriteLine($"Training on {training.Count} faces: {string.Join(", ", training.ClassNames.Zip(training.CountPerClass(), (n, c) => $"{n} {c}"))}");
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    var options = TrainingRecipes.Default(parsed.GetValue(epochs), parsed.GetValue(seed)) with
    {
        Architecture = Architectures.FromName(parsed.GetValue(architecture)!),
        BatchSize = parsed.GetValue(batchSize),
    };
    var preview = Path.Combine(outputFolder, "augmentation-preview.png");
    AugmentationPreview.SavePng(training, preview, options.Augmentation!);
    Console.WriteLine($"Augmented faces as training sees them: {preview}");
    using var classifier = EmotionClassifier.Train(training, options with { Callbacks = [Callbacks.BackupAndRestore(Path.Combine(outputFolder, "state"))] }, new ConsoleProgressBar(), cancel.Token);

    var modelPath = Path.Combine(outputFolder, "model.fer");
    classifier.Save(modelPath);
    Console.WriteLine($"Saved {modelPath}");
    if (faces.Contains(Fer2013Split.PublicTest))
    {
        var report = classifier.Evaluate(faces.PublicTest);
        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(outputFolder, "report.txt"), report.ToString());
        report.SaveJson(Path.Combine(outputFolder, "report.json"));
        report.SaveConfusionMatrixPng(Path.Combine(outputFolder, "confusion.png"));
        report.SaveTrainingCurvesPng(Path.Combine(outputFolder, "curves.png"));
        Console.WriteLine($"Report, confusion matrix and curves written to {outputFolder}");
    }

    return 0;
});
return root.Parse(args).Invoke();
