// Prepares one trained model for shipping (issue #20): fits a temperature on the validation split's plain predictions
// and keeps it as the model's prediction default when it lowers the expected calibration error, saves the model at
// --precision (float16 unless --precision full), checks the saved file on validation against the trained one, and,
// with --public-test read, evaluates the saved file on PublicTest once (report JSON, confusion picture and training
// curves beside it).
//
//   dotnet run -c Release --project scripts/ShipModel -- --data ../shared/datasets/fer2013/fer2013.csv.gz
//       --model runs/distill/compactvgg-student/default.fer --out runs/ship [--name default] [--precision half|full]
//       [--public-test read|skip] [--threads 2]
//       [--ferplus ../shared/datasets/ferplus/fer2013new.csv]   (FER+: --data ../shared/datasets/ferplus/fer2013.csv.gz)
//
// The model keeps test-time augmentation off (TestTimeAugmentation.None): the default model answers in one forward
// pass. Validation is the split the model was trained beside (scripts/Shared/ScriptData.cs): 10% of FER2013 Training,
// stratified, seed 42; with --ferplus, 10% of FER+ Training scored on majority labels.
using System.Globalization;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer;

var options = ScriptArguments.Parse(args);
var modelPath = options.TryGetValue("model", out var given) ? given : throw new ArgumentException("--model needs the trained model file.");
var output = options.GetValueOrDefault("out", "runs/ship");
var readPublicTest = ScriptArguments.ReadsPublicTest(options, "skip");
var precision = ScriptArguments.Precision(options);
TorchSharp.torch.set_num_threads(ScriptArguments.Threads(options));
Directory.CreateDirectory(output);
var (_, validation, publicTestFaces, _) = ScriptData.Load(options);

// The trained file as it is: validation figures plain, flip and ten-crop, and the temperature that calibrates it.
using var trained = EmotionClassifier.Load(modelPath);
trained.Temperature = 1;
var plain = ScriptEvaluation.Probabilities(trained, validation, TestTimeAugmentation.None);
var flip = ScriptEvaluation.Metrics(validation, ScriptEvaluation.Probabilities(trained, validation, TestTimeAugmentation.HorizontalFlip));
var tenCrop = ScriptEvaluation.Metrics(validation, ScriptEvaluation.Probabilities(trained, validation, TestTimeAugmentation.TenCrop));
var plainMetrics = ScriptEvaluation.Metrics(validation, plain);
var temperature = Math.Round(Calibration.FitTemperature(validation.Labels, plain), 3);
var eceBefore = ScriptEvaluation.Ece(validation, plain);
var eceAfter = ScriptEvaluation.Ece(validation, Calibration.Apply(plain, temperature));
var calibrate = eceAfter < eceBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{modelPath}, validation: {plainMetrics.Accuracy:P2} plain (macro F1 {plainMetrics.MacroAverage.F1:P2}), {flip.Accuracy:P2} flip, {tenCrop.Accuracy:P2} ten-crop; ECE {eceBefore:0.0000} -> {eceAfter:0.0000} at T = {temperature:0.000} ({(calibrate ? "kept" : "not kept")})"));

// The file as it ships, measured after saving and loading it again.
var shippedPath = Path.Combine(output, options.GetValueOrDefault("name", "default") + ".fer");
using (var model = Sequential.Load(modelPath))
{
    model.PredictionDefaults = new PredictionDefaults { TestTimeAugmentation = TestTimeAugmentation.None, Temperature = calibrate ? temperature : 1 };
    if (calibrate)
    {
        model.TrainingInfo["temperature"] = $"fitted on the validation split's plain predictions (Calibration.FitTemperature): {temperature.ToString("0.000", CultureInfo.InvariantCulture)}";
    }

    model.Save(shippedPath, precision);
}

using var shipped = EmotionClassifier.Load(shippedPath);
var saved = ScriptEvaluation.CheckSaved(shipped, shippedPath, validation);

object? publicTest = null;
if (readPublicTest)
{
    publicTest = ScriptEvaluation.EvaluateOnce(shipped, publicTestFaces(), output, "publictest");
}

var validationFigures = new
{
    accuracy = plainMetrics.Accuracy,
    macroF1 = plainMetrics.MacroAverage.F1,
    flipAccuracy = flip.Accuracy,
    tenCropAccuracy = tenCrop.Accuracy,
    eceUncalibrated = eceBefore,
    eceCalibrated = eceAfter,
    fittedTemperature = temperature,
    temperatureKept = calibrate,
};
var savedFigures = new { accuracy = saved.Accuracy, macroF1 = saved.MacroAverage.F1, ece = saved.ExpectedCalibrationError, temperature = shipped.Temperature, bytes = new FileInfo(shippedPath).Length };
File.WriteAllText(Path.Combine(output, "report.json"), JsonSerializer.Serialize(new { model = modelPath, validation = validationFigures, saved = savedFigures, publicTest }, new JsonSerializerOptions { WriteIndented = true }));
