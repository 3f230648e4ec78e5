// Evaluates a model on labelled faces and writes the report (text, JSON, CSV) and pictures (confusion matrix, curves).
//
//   dotnet run -c Release --project samples/Evaluate -- [--model model.fer] [--data fer2013.csv.gz | folder]
//       [--split PublicTest] [--out runs/evaluate] [--tta]
using System.CommandLine;
using Fer.Core;
using Fer.Datasets;
using Fer.Samples;
using Fer;

var model = new Option<string?>("--model") { Description = "A model file; the default model embedded in Fer.Core when omitted." };
var data = new Option<string?>("--data") { Description = "FER2013 CSV (plain or .gz) or image folder; the shared copy beside the repository when omitted." };
var split = new Option<Fer2013Split>("--split") { Description = "Which split to evaluate.", DefaultValueFactory = _ => Fer2013Split.PublicTest };
var output = new Option<string>("--out") { Description = "Where the report and pictures go.", DefaultValueFactory = _ => "runs/evaluate" };
var tta = new Option<bool>("--tta") { Description = "Average ten crops of each face (slower, usually more accurate)." };
var root = new RootCommand("Evaluates a model on labelled faces: accuracy, per-class precision/recall/F1, confusion matrix.")
{
    model, data, split, output, tta,
};
root.SetAction(parsed =>
{
    var dataPath = parsed.GetValue(data) ?? SampleData.FindSharedFer2013()
        ?? throw new ArgumentException("Pass --data with a FER2013 CSV or image folder.");
    var outputFolder = parsed.GetValue(output)!;
    Directory.CreateDirectory(outputFolder);
    using var classifier = parsed.GetValue(model) is { } modelPath ? EmotionClassifier.Load(modelPath) : EmotionClassifier.LoadDefault();
    if (parsed.GetValue(tta))
    {
        classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
    }

    var faces = Directory.Exists(dataPath) ? Fer2013.LoadFolders(dataPath) : Fer2013.Load(dataPath);
    var report = classifier.Evaluate(faces[parsed.GetValue(split)]);
    Console.WriteLine(report);
    File.WriteAllText(Path.Combine(outputFolder, "report.txt"), report.ToString());
    report.SaveJson(Path.Combine(outputFolder, "report.json"));
    report.SaveCsv(Path.Combine(outputFolder, "report.csv"));
    report.SaveConfusionMatrixPng(Path.Combine(outputFolder, "confusion.png"));
    if (report.History is not null)
    {
        report.SaveTrainingCurvesPng(Path.Combine(outputFolder, "curves.png"));
    }

    Console.WriteLine($"Written to {outputFolder}: report.txt, report.json, report.csv, confusion.png{(report.History is null ? "" : ", curves.png")}");
    return 0;
});
return root.Parse(args).Invoke();
