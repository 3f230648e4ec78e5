// Builds and measures an ensemble of trained models (issue #20): each member's and every subset's validation accuracy
// and macro F1, plain, flip-averaged and with ten-crop test-time augmentation, from the members' probabilities computed once; then
// saves the ensemble of the given members as one model and, with --public-test read, evaluates it on PublicTest once.
//
//   dotnet run -c Release --project scripts/BuildEnsemble -- --data ../shared/datasets/fer2013/fer2013.csv.gz
//       --members a.fer,b.fer,c.fer --out runs/ensemble [--public-test read|skip] [--threads 2]
//
// Validation is the same split the members were trained beside: 10% of FER2013 Training, stratified, seed 42.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;

var options = ScriptArguments.Parse(args);
var data = options.GetValueOrDefault("data", "../shared/datasets/fer2013/fer2013.csv.gz");
var memberPaths = options.TryGetValue("members", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
if (memberPaths.Length < 2)
{
    throw new ArgumentException("--members needs at least two model files, separated by commas.");
}

var output = options.GetValueOrDefault("out", "runs/ensemble");
var readPublicTest = options.GetValueOrDefault("public-test", "skip");
if (readPublicTest is not ("read" or "skip"))
{
    throw new ArgumentException($"--public-test must be read or skip, not '{readPublicTest}'.");
}

TorchSharp.torch.set_num_threads(int.Parse(options.GetValueOrDefault("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
Directory.CreateDirectory(output);
var dataset = Fer2013.Load(data);
var (_, validation) = dataset.Training.SplitStratified(0.1, seed: 42);
var members = memberPaths.Select(path => Sequential.Load(path)).ToArray();
var memberClassifiers = members.Select(EmotionClassifier.FromModel).ToArray();   // owns and disposes the members

// Each member's probabilities on the validation split, plain and ten-crop, computed once.
var plain = new float[members.Length][][];
var flip = new float[members.Length][][];
var tenCrop = new float[members.Length][][];
for (var m = 0; m < members.Length; m++)
{
    plain[m] = Probabilities(memberClassifiers[m], validation, TestTimeAugmentation.None);
    flip[m] = Probabilities(memberClassifiers[m], validation, TestTimeAugmentation.HorizontalFlip);
    tenCrop[m] = Probabilities(memberClassifiers[m], validation, TestTimeAugmentation.TenCrop);
}

var rows = new List<object>();
for (var subset = 1; subset < 1 << members.Length; subset++)
{
    var chosen = Enumerable.Range(0, members.Length).Where(m => (subset & (1 << m)) != 0).ToArray();
    var (accuracy, macroF1) = Score(validation, chosen.Select(m => plain[m]).ToArray());
    var (flipAccuracy, flipMacroF1) = Score(validation, chosen.Select(m => flip[m]).ToArray());
    var (tenCropAccuracy, tenCropMacroF1) = Score(validation, chosen.Select(m => tenCrop[m]).ToArray());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(" + ", chosen.Select(m => Path.GetFileName(Path.GetDirectoryName(memberPaths[m]))))}: validation {accuracy:P2} (macro F1 {macroF1:P2}), flip {flipAccuracy:P2} (macro F1 {flipMacroF1:P2}), ten-crop {tenCropAccuracy:P2} (macro F1 {tenCropMacroF1:P2})"));
    rows.Add(new { members = chosen.Select(m => memberPaths[m]).ToArray(), accuracy, macroF1, flipAccuracy, flipMacroF1, tenCropAccuracy, tenCropMacroF1 });
}

// Temperature scaling of the whole ensemble, fitted on validation (plain and ten-crop probabilities).
var all = Enumerable.Range(0, members.Length).ToArray();
var plainMean = Mean(all.Select(m => plain[m]).ToArray());
var tenCropMean = Mean(all.Select(m => tenCrop[m]).ToArray());
var temperature = Calibration.FitTemperature(validation.Labels, plainMean);
var tenCropTemperature = Calibration.FitTemperature(validation.Labels, tenCropMean);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"All members, validation ECE: plain {Ece(validation, plainMean):0.0000} -> {Ece(validation, Calibration.Apply(plainMean, temperature)):0.0000} at T = {temperature:0.000}; ten-crop {Ece(validation, tenCropMean):0.0000} -> {Ece(validation, Calibration.Apply(tenCropMean, tenCropTemperature)):0.0000} at T = {tenCropTemperature:0.000}"));

using var ensembleClassifier = EmotionClassifier.FromModel(Ensembles.Average(members));   // owns the ensemble
var ensemble = ensembleClassifier.Model;
ensemble.TrainingInfo["data"] = "FER2013 Training (90% stratified split, seed 42); validation 10%";
ensemble.TrainingInfo["members"] = string.Join(", ", memberPaths);
object? publicTest = null;
if (readPublicTest == "read")
{
    var classifier = ensembleClassifier;
    var clock = Stopwatch.StartNew();
    var report = classifier.Evaluate(dataset.PublicTest);
    classifier.TestTimeAugmentation = TestTimeAugmentation.HorizontalFlip;
    var flipReport = classifier.Evaluate(dataset.PublicTest);
    classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
    var tenCropReport = classifier.Evaluate(dataset.PublicTest);
    classifier.TestTimeAugmentation = TestTimeAugmentation.None;
    var testPlain = Probabilities(classifier, dataset.PublicTest, TestTimeAugmentation.None);
    var testTenCrop = Probabilities(classifier, dataset.PublicTest, TestTimeAugmentation.TenCrop);
    publicTest = new
    {
        ece = Ece(dataset.PublicTest, testPlain),
        eceTemperatureScaled = Ece(dataset.PublicTest, Calibration.Apply(testPlain, temperature)),
        tenCropEce = Ece(dataset.PublicTest, testTenCrop),
        tenCropEceTemperatureScaled = Ece(dataset.PublicTest, Calibration.Apply(testTenCrop, tenCropTemperature)),
        temperature,
        tenCropTemperature,
        accuracy = report.Metrics.Accuracy,
        macroF1 = report.Metrics.MacroAverage.F1,
        flipAccuracy = flipReport.Metrics.Accuracy,
        flipMacroF1 = flipReport.Metrics.MacroAverage.F1,
        tenCropAccuracy = tenCropReport.Metrics.Accuracy,
        tenCropMacroF1 = tenCropReport.Metrics.MacroAverage.F1,
        seconds = clock.Elapsed.TotalSeconds,
    };
    ensemble.TrainingInfo["publicTestAccuracy"] = report.Metrics.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture);
    ensemble.TrainingInfo["publicTestAccuracyTenCrop"] = tenCropReport.Metrics.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture);
    ensemble.TrainingInfo["publicTestAccuracyFlip"] = flipReport.Metrics.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture);
    Console.WriteLine($"PublicTest: {report.Metrics.Accuracy:P2} plain, {flipReport.Metrics.Accuracy:P2} flip, {tenCropReport.Metrics.Accuracy:P2} ten-crop");
}

ensemble.Save(Path.Combine(output, "ensemble.fer"));
File.WriteAllText(Path.Combine(output, "report.json"), JsonSerializer.Serialize(new { subsets = rows, publicTest }, new JsonSerializerOptions { WriteIndented = true }));
foreach (var classifier in memberClassifiers)
{
    classifier.Dispose();
}

static float[][] Probabilities(EmotionClassifier classifier, LabeledFaces faces, TestTimeAugmentation augmentation)
{
    classifier.TestTimeAugmentation = augmentation;
    var predictions = new List<float[]>(faces.Count);
    for (var start = 0; start < faces.Count; start += 256)
    {
        var count = Math.Min(256, faces.Count - start);
        var pixels = new byte[count * faces.Shape.PixelCount];
        for (var i = 0; i < count; i++)
        {
            faces.GetPixels(start + i).CopyTo(pixels.AsSpan(i * faces.Shape.PixelCount));
        }

        predictions.AddRange(classifier.PredictPixelBatch(pixels).Select(p => classifier.ClassNames.Select(c => p.Probabilities[c]).ToArray()));
    }

    return [.. predictions];
}

static (double Accuracy, double MacroF1) Score(LabeledFaces faces, float[][][] memberProbabilities)
{
    var report = Metrics(faces, Mean(memberProbabilities));
    return (report.Accuracy, report.MacroAverage.F1);
}

static float[][] Mean(float[][][] memberProbabilities)
    => Enumerable.Range(0, memberProbabilities[0].Length)
        .Select(i => Enumerable.Range(0, memberProbabilities[0][i].Length).Select(c => memberProbabilities.Average(p => p[i][c])).ToArray())
        .ToArray();

static ClassificationMetrics Metrics(LabeledFaces faces, IReadOnlyList<float[]> probabilities)
{
    var metrics = new MetricsAccumulator(faces.ClassNames);
    metrics.AddBatch(faces.Labels, probabilities);
    return metrics.Compute();
}

static double Ece(LabeledFaces faces, IReadOnlyList<float[]> probabilities) => Metrics(faces, probabilities).ExpectedCalibrationError ?? double.NaN;
