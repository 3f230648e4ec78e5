using System.Text;
using Fer.Datasets;

namespace Fer.Stress;

/// <summary>FER+ file pairs: a valid fer2013.csv and fer2013new.csv, then one of the two mutated.</summary>
internal sealed partial class FuzzCorpus
{
    private static readonly string[] HostileCounts = ["-1", "11", "x", "", "1e9", "2.5", "99999999999999999999", "NaN", "\"3\"", " 4 ", "0x5", "+2", "٣"];

    private FuzzCase FerPlusCase(int i)
    {
        var usages = new[] { "Training", "Training", "PublicTest", "PrivateTest", "Training", "PublicTest" };
        var pixels = new StringBuilder("emotion,pixels,Usage\n");
        var votes = new List<string> { "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF" };
        for (var r = 0; r < usages.Length; r++)
        {
            pixels.Append(r % 7).Append(',').Append(string.Join(' ', Enumerable.Range(0, 2304).Select(p => (p * (r + 2)) % 256))).Append(',').Append(usages[r]).Append('\n');
            var counts = new int[10];
            for (var v = 0; v < 10; v++)
            {
                counts[_random.Next(10)]++;
            }

            votes.Add($"{usages[r]},fer{r:0000000}.png,{string.Join(',', counts)}");
        }

        var what = "valid";
        var row = 1 + _random.Next(usages.Length);
        switch (i % 6)
        {
            case 0:
                var fields = votes[row].Split(',');
                var at = 2 + _random.Next(10);
                fields[at] = HostileCounts[_random.Next(HostileCounts.Length)];
                votes[row] = string.Join(',', fields);
                what = $"vote '{fields[at]}' in row {row}";
                break;
            case 1:
                votes.RemoveAt(row);
                what = $"votes row {row} removed";
                break;
            case 2:
                votes[row] = (votes[row].StartsWith("Training", StringComparison.Ordinal) ? "PublicTest" : "Training") + votes[row][votes[row].IndexOf(',')..];
                what = $"usage of row {row} swapped";
                break;
            case 3:
                var header = votes[0].Split(',');
                header[_random.Next(header.Length)] = "x";
                votes[0] = string.Join(',', header);
                what = "header column renamed";
                break;
            case 4:
                var text = string.Join('\n', votes);
                votes = [text[.._random.Next(text.Length)]];
                what = "votes file cut";
                break;
            default:
                votes[row] += ",1";
                what = $"extra field in row {row}";
                break;
        }

        var pixelsPath = Path.Combine(work, $"ferplus{i}.csv");
        var votesPath = Path.Combine(work, $"ferplus{i}new.csv");
        File.WriteAllText(pixelsPath, pixels.ToString());
        File.WriteAllText(votesPath, string.Join('\n', votes) + "\n");
        var skip = i % 4 == 0;
        return new FuzzCase($"ferplus {what}{(skip ? " (skip)" : "")}", () =>
        {
            var data = FerPlus.Load(pixelsPath, votesPath, new FerPlusLoadOptions { MalformedRows = skip ? MalformedRowHandling.Skip : MalformedRowHandling.Throw });
            foreach (var split in data.Splits)
            {
                foreach (var mode in Enum.GetValues<FerPlusLabelMode>())
                {
                    var selection = data[split].Select(mode);
                    _ = selection.Kept > 0 ? selection.Faces.Count : 0;
                }
            }
        });
    }
}
