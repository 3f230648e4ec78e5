// Evaluates a model on labelled faces and writes the report (text, JSON, CSV) and pictures (confusion matrix, curves).
//
//   dotnet run -c Release --project samples/Evaluate -- [--model model.fer] [--data fer2013.csv.gz | folder]
//       [--split PublicTest] [--out runs/evaluate] [--tta]
using Fer.Core;
using Fer.Datasets;
using Fer.Samples;

var arguments = new SampleArguments(args);
if (arguments.Has("help"))
{
    Console.WriteLine("usage: Evaluate [--model model.fer] [--data <csv | folder>] [--split PublicTest|Training|PrivateTest] [--out DIR] [--tta]");
    return 0;
}

var dataPath = arguments.Get("data") ?? SampleArguments.FindSharedFer2013()
    ?? throw new ArgumentException("Pass --data with a FER2013 CSV or image folder.");
var output = arguments.Get("out", "runs/evaluate");
Directory.CreateDirectory(output);
var split = Enum.Parse<Fer2013Split>(arguments.Get("split", "PublicTest"), ignoreCase: true);

using var classifier = arguments.Get("model") is { } modelPath ? EmotionClassifier.Load(modelPath) : EmotionClassifier.Default;
if (arguments.Has("tta"))
{
    classifier.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
}

var data = Directory.Exists(dataPath) ? Fer2013.LoadFolders(dataPath) : Fer2013.Load(dataPath);
var report = classifier.Evaluate(data[split]);
Console.WriteLine(report);
File.WriteAllText(Path.Combine(output, "report.txt"), report.ToString());
report.SaveJson(Path.Combine(output, "report.json"));
report.SaveCsv(Path.Combine(output, "report.csv"));
report.SaveConfusionMatrixPng(Path.Combine(output, "confusion.png"));
if (report.History is not null)
{
    report.SaveTrainingCurvesPng(Path.Combine(output, "curves.png"));
}

Console.WriteLine($"Written to {output}: report.txt, report.json, report.csv, confusion.png{(report.History is null ? "" : ", curves.png")}");
return 0;
