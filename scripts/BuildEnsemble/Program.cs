// Builds and measures an ensemble of trained models (issue #20): each member's and every subset's validation accuracy
// and macro F1, plain, flip-averaged and with ten-crop test-time augmentation, from the members' probabilities computed once; then
// saves the ensemble of the given members as one model (<out>/<name>.fer: the --tta augmentation, ten-crop unless told,
// and the temperature fitted on its validation predictions as its prediction defaults, float16 weights unless
// --precision full) and, with --public-test read, evaluates that file on
// PublicTest once (report JSON and confusion picture beside it).
//
//   dotnet run -c Release --project scripts/BuildEnsemble -- --data ../shared/datasets/fer2013/fer2013.csv.gz
//       --members a.fer,b.fer,c.fer --out runs/ensemble [--name ensemble] [--precision half|full] [--public-test read|skip] [--threads 2]
//       [--cache runs/ensemble/probabilities] [--save yes|no] [--tta tencrop|flip|none] [--ship a.fer,c.fer]
//       [--ferplus ../shared/datasets/ferplus/fer2013new.csv]   (FER+: --data ../shared/datasets/ferplus/fer2013.csv.gz)
//
// --ship names the subset of the members to save (all of them unless told); a subset of one saves that member alone,
// with the chosen augmentation and temperature as its defaults.
//
// Validation is the same split the members were trained beside (scripts/Shared/ScriptData.cs): 10% of FER2013 Training,
// stratified, seed 42; with --ferplus, 10% of FER+ Training scored on majority labels.
using System.Globalization;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer;

var options = ScriptArguments.Parse(args);
var memberPaths = options.TryGetValue("members", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
if (memberPaths.Length < 1)
{
    throw new ArgumentException("--members needs one or more model files, separated by commas.");
}

var output = options.GetValueOrDefault("out", "runs/ensemble");
var readPublicTest = ScriptArguments.ReadsPublicTest(options, "skip");
if (options.GetValueOrDefault("save", "yes") is not ("yes" or "no"))
{
    throw new ArgumentException($"--save must be yes or no, not '{options["save"]}'.");
}

TorchSharp.torch.set_num_threads(ScriptArguments.Threads(options));
Directory.CreateDirectory(output);
var shippedAugmentation = options.GetValueOrDefault("tta", "tencrop") switch
{
    "tencrop" => TestTimeAugmentation.TenCrop,
    "flip" => TestTimeAugmentation.HorizontalFlip,
    "none" => TestTimeAugmentation.None,
    var other => throw new ArgumentException($"--tta must be tencrop, flip or none, not '{other}'."),
};
var (_, validation, publicTestFaces, dataDescription) = ScriptData.Load(options);
var members = memberPaths.Select(path => Sequential.Load(path)).ToArray();
var memberClassifiers = members.Select(EmotionClassifier.FromModel).ToArray();   // owns and disposes the members

// Each member's probabilities on the validation split, plain, flip and ten-crop, computed once (and kept in --cache,
// by default <out>/probabilities, for the next run).
var cache = new ProbabilityCache(options.GetValueOrDefault("cache", Path.Combine(output, "probabilities")));
var plain = new float[members.Length][][];
var flip = new float[members.Length][][];
var tenCrop = new float[members.Length][][];
for (var m = 0; m < members.Length; m++)
{
    plain[m] = cache.Get(memberPaths[m], memberClassifiers[m], validation, TestTimeAugmentation.None);
    flip[m] = cache.Get(memberPaths[m], memberClassifiers[m], validation, TestTimeAugmentation.HorizontalFlip);
    tenCrop[m] = cache.Get(memberPaths[m], memberClassifiers[m], validation, TestTimeAugmentation.TenCrop);
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
    $"All members, validation ECE: plain {ScriptEvaluation.Ece(validation, plainMean):0.0000} -> {ScriptEvaluation.Ece(validation, Calibration.Apply(plainMean, temperature)):0.0000} at T = {temperature:0.000}; ten-crop {ScriptEvaluation.Ece(validation, tenCropMean):0.0000} -> {ScriptEvaluation.Ece(validation, Calibration.Apply(tenCropMean, tenCropTemperature)):0.0000} at T = {tenCropTemperature:0.000}"));

// --save no stops here: the subsets' figures are what a candidate member is judged by.
if (options.GetValueOrDefault("save", "yes") == "no")
{
    File.WriteAllText(Path.Combine(output, "report.json"), JsonSerializer.Serialize(new { subsets = rows }, new JsonSerializerOptions { WriteIndented = true }));
    DisposeAll(memberClassifiers);
    return;
}

// The ensemble as it ships: the --tta augmentation (ten-crop by default), its probabilities calibrated by the
// temperature fitted on the validation split's predictions with that augmentation, weights stored at --precision (half
// by default). Everything below is measured on the file as saved and loaded again, not on the members in memory.
var shippedMembers = options.TryGetValue("ship", out var shipList)
    ? shipList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(path => Array.IndexOf(memberPaths, path) is var index and >= 0 ? index : throw new ArgumentException($"--ship names {path}, which is not one of --members."))
        .Distinct().ToArray()
    : all;
var shippedMean = Mean(shippedMembers.Select(m => shippedAugmentation switch
{
    TestTimeAugmentation.TenCrop => tenCrop[m],
    TestTimeAugmentation.HorizontalFlip => flip[m],
    _ => plain[m],
}).ToArray());
var shippedTemperature = Calibration.FitTemperature(validation.Labels, shippedMean);
var augmentationWords = shippedAugmentation switch
{
    TestTimeAugmentation.TenCrop => "ten-crop",
    TestTimeAugmentation.HorizontalFlip => "flip-averaged",
    _ => "plain",
};
var precision = ScriptArguments.Precision(options);
var ensemblePath = Path.Combine(output, options.GetValueOrDefault("name", "ensemble") + ".fer");
using (var ensemble = shippedMembers.Length == 1 ? Sequential.Load(memberPaths[shippedMembers[0]]) : Ensembles.Average(shippedMembers.Select(m => members[m]).ToArray()))
{
    ensemble.TrainingInfo["data"] = dataDescription;
    ensemble.TrainingInfo["members"] = string.Join(", ", shippedMembers.Select(m => memberPaths[m]));
    ensemble.TrainingInfo["temperature"] = $"fitted on the validation split's {augmentationWords} predictions (Calibration.FitTemperature): {shippedTemperature.ToString("0.000", CultureInfo.InvariantCulture)}";
    ensemble.PredictionDefaults = new PredictionDefaults { TestTimeAugmentation = shippedAugmentation, Temperature = Math.Round(shippedTemperature, 3) };
    ensemble.Save(ensemblePath, precision);
}

using var shipped = EmotionClassifier.Load(ensemblePath);
var saved = ScriptEvaluation.CheckSaved(shipped, ensemblePath, validation);
object? publicTest = null;
if (readPublicTest)
{
    publicTest = ScriptEvaluation.EvaluateOnce(shipped, publicTestFaces(), output, $"publictest-{options.GetValueOrDefault("tta", "tencrop")}");
}

File.WriteAllText(Path.Combine(output, "report.json"), JsonSerializer.Serialize(new { subsets = rows, saved = new { augmentation = shippedAugmentation.ToString(), accuracy = saved.Accuracy, macroF1 = saved.MacroAverage.F1, ece = saved.ExpectedCalibrationError, temperature = shipped.Temperature }, publicTest }, new JsonSerializerOptions { WriteIndented = true }));
DisposeAll(memberClassifiers);

static void DisposeAll(EmotionClassifier[] classifiers)
{
    foreach (var classifier in classifiers)
    {
        classifier.Dispose();
    }
}

static (double Accuracy, double MacroF1) Score(LabeledFaces faces, float[][][] memberProbabilities)
{
    var report = ScriptEvaluation.Metrics(faces, Mean(memberProbabilities));
    return (report.Accuracy, report.MacroAverage.F1);
}

static float[][] Mean(float[][][] memberProbabilities)
    => Enumerable.Range(0, memberProbabilities[0].Length)
        .Select(i => Enumerable.Range(0, memberProbabilities[0][i].Length).Select(c => memberProbabilities.Average(p => p[i][c])).ToArray())
        .ToArray();
