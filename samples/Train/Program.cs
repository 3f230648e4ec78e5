// Trains an emotion classifier on FER2013 (CSV or image folders) and writes the model and an evaluation report.
//
//   dotnet run -c Release --project samples/Train -- --data ../shared/datasets/fer2013/fer2013.csv.gz \
//       --out runs/train [--architecture MiniXception] [--epochs 30] [--batch-size 64] [--limit N] [--seed 0]
using Fer.Core;
using Fer.Datasets;
using Fer.Samples;

var arguments = new SampleArguments(args);
if (arguments.Has("help"))
{
    Console.WriteLine("usage: Train --data <fer2013.csv[.gz] | folder> [--out DIR] [--architecture NAME] [--epochs N] [--batch-size N] [--limit N] [--seed N]");
    Console.WriteLine($"architectures: {string.Join(", ", Architectures.All.Select(a => a.Name))}");
    return 0;
}

var dataPath = arguments.Get("data") ?? SampleArguments.FindSharedFer2013()
    ?? throw new ArgumentException("Pass --data with a FER2013 CSV or image folder.");
var output = arguments.Get("out", "runs/train");
Directory.CreateDirectory(output);

Console.WriteLine($"Loading {dataPath} …");
var data = Directory.Exists(dataPath) ? Fer2013.LoadFolders(dataPath) : Fer2013.Load(dataPath);
var training = data.Training;
if (arguments.Get("limit") is not null)
{
    training = training.SampleStratified(arguments.GetInt("limit", training.Count), seed: 1);
}

Console.WriteLine($"Training on {training.Count} faces: {string.Join(", ", training.ClassNames.Zip(training.CountPerClass(), (n, c) => $"{n} {c}"))}");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var options = TrainingRecipes.Default(arguments.GetInt("epochs", 30), arguments.GetInt("seed", 0)) with
{
    Architecture = Architectures.FromName(arguments.Get("architecture", "MiniXception")),
    BatchSize = arguments.GetInt("batch-size", 64),
};
var preview = Path.Combine(output, "augmentation-preview.png");
AugmentationPreview.SavePng(training, preview, options.Augmentation!);
Console.WriteLine($"Augmented faces as training sees them: {preview}");
using var classifier = EmotionClassifier.Train(training, options with { Callbacks = [Callbacks.BackupAndRestore(Path.Combine(output, "state"))] }, new ConsoleProgressBar(), cancel.Token);

var modelPath = Path.Combine(output, "model.fer");
classifier.Save(modelPath);
Console.WriteLine($"Saved {modelPath}");

if (data.Contains(Fer2013Split.PublicTest))
{
    var report = classifier.Evaluate(data.PublicTest);
    Console.WriteLine(report);
    File.WriteAllText(Path.Combine(output, "report.txt"), report.ToString());
    report.SaveJson(Path.Combine(output, "report.json"));
    report.SaveConfusionMatrixPng(Path.Combine(output, "confusion.png"));
    report.SaveTrainingCurvesPng(Path.Combine(output, "curves.png"));
    Console.WriteLine($"Report, confusion matrix and curves written to {output}");
}

return 0;
