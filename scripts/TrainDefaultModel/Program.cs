// Trains the default model that Fer.Core embeds. Resumable: stop it at any point and run the same command again;
// it continues after the last completed epoch as if never stopped (see --out/state).
//
//   dotnet run -c Release --project scripts/TrainDefaultModel -- [--data PATH] [--out DIR] [--epochs N]
//        [--architecture NAME] [--threads N] [--seed N] [--teacher TEACHER.fer[,TEACHER2.fer…] [--temperature 4] [--distill-weight 0.9]]
//        [--logit-adjustment auto|off] [--recipe adam-cosine|sgd-onecycle] [--augmentation standard|light]
//        [--public-test read|skip] [--ferplus FER2013NEW.csv [--mode crossentropy|majority|probability|multitarget]] [--label-smoothing E]
//        [--init TRAINED.fer] [--peak-lr 0.05]
//
// With --init the network starts from a trained model of the same architecture (transfer learning, e.g. a FER2013
// model fine-tuned on FER+): every weight of the same name and shape is copied; the classifier's rows are copied by
// emotion (FER2013's seven classes into FER+'s eight, whatever the order), and a class the trained model lacks
// (contempt) keeps its fresh initialisation. --peak-lr sets the sgd-onecycle recipe's peak learning rate (0.05 by
// default; lower for fine-tuning).
//
// With --ferplus the data are FER+ (--data must then be Kaggle's fer2013.csv in its original row order, as
// ../shared/datasets/ferplus/fer2013.csv.gz): 8 classes, the votes split 90/10 stratified by their most voted class
// (seed 42); the training part follows --mode (FER+'s rules; crossentropy by default, the paper's best), validation
// and PublicTest are scored on majority labels (faces without a majority left out, as the paper does). Label smoothing
// defaults to 0 for FER+ (its targets are already distributions) and to 0.1 otherwise.
//
// Recipes (--recipe): adam-cosine (default: TrainingRecipes.Default's optimizer, schedule, augmentation and label
// smoothing: Adam 1e-3, cosine to 1e-5 after 2 warm-up epochs, Augmentations.Standard)
// and sgd-onecycle (SGD with Nesterov momentum 0.9 and weight decay 5e-4, a one-cycle-like schedule: linear warm-up
// over the first 20% of epochs to 0.05, then cosine to 5e-6; light augmentation: flip and a 4-pixel random shift).
// --augmentation overrides the recipe's augmentation: standard (Augmentations.Standard, which also zooms and rotates,
// so ten-crop test-time augmentation helps the network) or light (flip and 4-pixel shift). Both recipes use label
// smoothing 0.1 and batches of 64. --public-test skip (for recipe studies, which compare runs on the
// validation split only) leaves PublicTest unread: the report then has validation figures only.
//
// With --teacher the network is distilled from a trained model (e.g. runs/compactvgg/default.fer): it learns the
// teacher's softened predictions on every augmented batch as well as the labels (Losses.DistillFrom). Several
// teachers, comma-separated, form an ensemble whose softened probabilities are averaged; the validation accuracy of
// each teacher and of the ensemble is printed first.
//
// At the end it writes <out>/default.fer (best epoch, with history and figures), which scripts/ShipModel checks
// and saves as training-artifacts/compactvgg-student/default.fer, the file Fer.Core embeds. Unless --logit-adjustment
// off, default.fer's output bias carries a post-hoc logit adjustment for the class imbalance, tuned on the validation
// split (src/Fer.Core/Calibration/LogitAdjustment.cs); best.fer stays the unadjusted best epoch. Running the command again on a finished run redoes
// only these final steps.
//
// Recipe: Training split only, 10% stratified validation split (seed 42) for every choice; PublicTest is read once,
// at the end, for the final report.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;

var options = ScriptArguments.Parse(args);
var output = options.GetValueOrDefault("out", "runs/default");
var epochs = int.Parse(options.GetValueOrDefault("epochs", "60"), CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
var architecture = Architectures.FromName(options.GetValueOrDefault("architecture", "MiniXception"));
var logitAdjustment = options.GetValueOrDefault("logit-adjustment", "auto");
var readPublicTest = ScriptArguments.ReadsPublicTest(options, "read");

var recipe = options.GetValueOrDefault("recipe", "adam-cosine");
if (recipe is not ("adam-cosine" or "sgd-onecycle"))
{
    throw new ArgumentException($"--recipe must be adam-cosine or sgd-onecycle, not '{recipe}'.");
}

var augmentationName = options.GetValueOrDefault("augmentation", recipe == "sgd-onecycle" ? "light" : "standard");
if (augmentationName is not ("standard" or "light"))
{
    throw new ArgumentException($"--augmentation must be standard or light, not '{augmentationName}'.");
}

if (logitAdjustment is not ("auto" or "off"))
{
    throw new ArgumentException($"--logit-adjustment must be auto or off, not '{logitAdjustment}'.");
}

TorchSharp.torch.set_num_threads(ScriptArguments.Threads(options));
Directory.CreateDirectory(output);

var clock = Stopwatch.StartNew();
var ferPlusLabels = options.GetValueOrDefault("ferplus");
var (train, validation, publicTest, dataDescription) = ScriptData.Load(options);
Console.WriteLine($"Loaded {train.Count} train and {validation.Count} validation faces in {clock.Elapsed.TotalSeconds:0.0}s");
var labelSmoothing = double.Parse(options.GetValueOrDefault("label-smoothing", ferPlusLabels is null ? "0.1" : "0"), CultureInfo.InvariantCulture);

using var model = architecture.Build(classes: train.ClassNames.Count, seed: seed);
model.ClassNames = train.ClassNames;
model.Normalization = Normalization.Fer2013;
if (options.TryGetValue("init", out var initPath))
{
    Console.WriteLine(TransferWeights.From(initPath, model));
    model.TrainingInfo[TrainingInfoKeys.StartedFrom] = initPath;
}

var teacherPaths = options.TryGetValue("teacher", out var teacherList) ? teacherList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
var teachers = teacherPaths.Select(path => Sequential.Load(path)).ToArray();
if (teachers.Length > 0)
{
    ReportTeachers(teachers, teacherPaths, validation);
}

Loss labelLoss = train.TargetKind == TargetKind.AnyOfLabels ? Losses.MultiTarget() : Losses.CategoricalCrossEntropy(labelSmoothing: labelSmoothing);
var distillation = teachers.Length == 0
    ? null
    : Losses.DistillFrom(
        teachers,
        double.Parse(options.GetValueOrDefault("temperature", "4"), CultureInfo.InvariantCulture),
        double.Parse(options.GetValueOrDefault("distill-weight", "0.9"), CultureInfo.InvariantCulture),
        labelLoss);
var sgd = recipe == "sgd-onecycle";
// adam-cosine is the library's default recipe (TrainingRecipes.Default), the one `fer train` and the samples use.
var recipeDefault = TrainingRecipes.Default(epochs, seed);
var augmentation = augmentationName == "light" ? new AugmentationPipeline(seed).HorizontalFlip().RandomCrop(48, padding: 4) : recipeDefault.Augmentation!;
var peakLearningRate = double.Parse(options.GetValueOrDefault("peak-lr", "0.05"), CultureInfo.InvariantCulture);
var optimizer = sgd ? Optimizers.Sgd(peakLearningRate, momentum: 0.9, nesterov: true, weightDecay: 5e-4) : recipeDefault.Optimizer!;
var schedule = sgd ? Schedules.Cosine(epochs, 5e-6, warmupEpochs: Math.Max(1, epochs / 5)) : recipeDefault.Schedule!;
model.TrainingInfo["recipe"] = $"{architecture.Name}, {recipe}: {optimizer}, {schedule} over {epochs} epochs, {labelLoss}, batch 64, augmentation {augmentation}";
model.TrainingInfo["data"] = dataDescription;
if (distillation is not null)
{
    model.TrainingInfo[TrainingInfoKeys.Distillation] = $"{distillation} from {string.Join(", ", teacherPaths)}";
}

model.Compile(optimizer, distillation ?? labelLoss, schedule: schedule);
Console.WriteLine(model.Summary());

var progress = new Progress<TrainingProgress>(p =>
{
    if (p.Phase == TrainingPhase.EpochEnd)
    {
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {p.Logs}");
    }
});
var history = model.Fit(
    train,
    epochs: epochs,
    batchSize: 64,
    validation: validation,
    augmentation: augmentation,
    callbacks:
    [
        Callbacks.ModelCheckpoint(Path.Combine(output, "best.fer"), monitor: "val_accuracy", saveBestOnly: true),
        Callbacks.HistoryLogger(Path.Combine(output, "history.csv")),
        Callbacks.BackupAndRestore(Path.Combine(output, "state"), deleteOnFinish: false),
    ],
    progress: progress);

using var best = Sequential.Load(Path.Combine(output, "best.fer"));
best.Compile();
if (logitAdjustment == "auto")
{
    var adjustment = LogitAdjustment.Apply(best, train, validation);
    Console.WriteLine($"Logit adjustment: {adjustment}");
    best.TrainingInfo["logitAdjustment"] = adjustment.ToString();
}

var bestEpoch = history["val_accuracy"].Select((v, i) => (v, i)).MaxBy(t => t.v).i + 1;
var validationMetrics = new MetricsAccumulator(validation.ClassNames);
validationMetrics.AddBatch(validation.Labels, best.Predict(validation));
var validationReport = validationMetrics.Compute();
var test = readPublicTest ? best.Evaluate(publicTest()) : null;
var report = new
{
    architecture = architecture.Name,
    epochs = history.Epochs.Count,
    bestEpoch,
    validationAccuracy = history["val_accuracy"][bestEpoch - 1],
    logitAdjustment = best.TrainingInfo.TryGetValue("logitAdjustment", out var adjusted) ? adjusted : "off",
    validationAccuracyFinal = validationReport.Accuracy,
    validationMacroF1 = validationReport.MacroAverage.F1,
    publicTestAccuracy = test?["accuracy"],
    trainingHours = history.Epochs.Sum(e => e.Duration.TotalHours),
    threads = TorchSharp.torch.get_num_threads(),
};
File.WriteAllText(Path.Combine(output, "report.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));

// The model to embed: the best epoch's weights, with the training history and the final figures in its metadata.
best.TrainingInfo[TrainingInfoKeys.History] = history.ToCsv();
best.TrainingInfo["bestEpoch"] = bestEpoch.ToString(CultureInfo.InvariantCulture);
if (test is not null)
{
    best.TrainingInfo["publicTestAccuracy"] = test["accuracy"].ToString("0.0000", CultureInfo.InvariantCulture);
}

best.TrainingInfo["trainingHours"] = report.trainingHours.ToString("0.00", CultureInfo.InvariantCulture);
best.TrainingInfo["hardware"] = $"{Environment.ProcessorCount} CPU cores, {TorchSharp.torch.get_num_threads()} threads, no GPU";
best.Save(Path.Combine(output, "default.fer"));
Console.WriteLine(JsonSerializer.Serialize(report));
foreach (var teacher in teachers)
{
    teacher.Dispose();
}

// Validation accuracy of each teacher and, for several, of their mean probabilities (what the student learns).
static void ReportTeachers(Sequential[] teachers, string[] paths, LabeledFaces validation)
{
    var probabilities = teachers.Select(t => t.Predict(validation)).ToArray();
    double Accuracy(IReadOnlyList<float[]> predicted)
    {
        var metrics = new MetricsAccumulator(validation.ClassNames);
        metrics.AddBatch(validation.Labels, predicted);
        return metrics.Compute().Accuracy;
    }

    for (var t = 0; t < teachers.Length; t++)
    {
        Console.WriteLine($"Teacher {paths[t]}: validation accuracy {Accuracy(probabilities[t]):P2}");
    }

    if (teachers.Length > 1)
    {
        var mean = Enumerable.Range(0, validation.Count)
            .Select(i => Enumerable.Range(0, probabilities[0][i].Length).Select(c => probabilities.Average(p => p[i][c])).ToArray())
            .ToArray();
        Console.WriteLine($"Ensemble of {teachers.Length} (mean probabilities): validation accuracy {Accuracy(mean):P2}");
    }
}
