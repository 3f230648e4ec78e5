namespace Fer.Datasets;

/// <summary>
/// FER+'s rules (Barsoum et al. 2016), as Microsoft's reference code (<c>src/ferplus.py</c>, <c>_process_data</c>)
/// applies them to a face's ten vote counts: emotions 0–7, then unknown (8) and not a face (9). One difference, which
/// follows the paper's text: a face is left out when its top class is unknown or not a face; the reference code's
/// comparison with <c>emotion_count - 2</c> also drops faces whose top class is fear or contempt.
/// </summary>
internal static class FerPlusRules
{
    /// <summary>Vote columns: the eight emotions, unknown and not a face.</summary>
    public const int Columns = 10;

    /// <summary>The emotion columns, which become the classes.</summary>
    public const int Emotions = 8;

    private const int UnknownColumn = 8;

    /// <summary>
    /// The target of a face under <paramref name="mode"/>, normalised over the eight emotions, written to
    /// <paramref name="target"/>; or why the face is left out (then <paramref name="target"/> is unspecified).
    /// </summary>
    public static FerPlusExclusion? Apply(ReadOnlySpan<byte> votes, FerPlusLabelMode mode, Span<float> target)
    {
        Span<double> raw = stackalloc double[Columns];
        var sum = 0.0;
        for (var i = 0; i < Columns; i++)
        {
            // A single vote is an outlier (the reference code zeroes every count below 1 + epsilon).
            raw[i] = votes[i] <= 1 ? 0 : votes[i];
            sum += raw[i];
        }

        Span<double> kept = stackalloc double[Columns];
        kept.Clear();
        var agreed = mode switch
        {
            FerPlusLabelMode.Majority => Majority(raw, sum, kept),
            FerPlusLabelMode.Probability or FerPlusLabelMode.CrossEntropy => TopEmotions(raw, sum, kept),
            FerPlusLabelMode.MultiTarget => AboveThreshold(raw, sum, kept),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a FER+ label mode"),
        };
        if (!agreed)
        {
            return FerPlusExclusion.NoAgreement;
        }

        var top = 0;
        for (var i = 1; i < Columns; i++)
        {
            top = kept[i] > kept[top] ? i : top;
        }

        if (top >= Emotions)
        {
            return top == UnknownColumn ? FerPlusExclusion.Unknown : FerPlusExclusion.NotAFace;
        }

        var emotionSum = 0.0;
        for (var i = 0; i < Emotions; i++)
        {
            emotionSum += kept[i];
        }

        for (var i = 0; i < Emotions; i++)
        {
            target[i] = (float)(kept[i] / emotionSum);
        }

        return null;
    }

    /// <summary>The most voted class when it holds more than half of the votes.</summary>
    private static bool Majority(ReadOnlySpan<double> raw, double sum, Span<double> kept)
    {
        var top = 0;
        for (var i = 1; i < Columns; i++)
        {
            top = raw[i] > raw[top] ? i : top;
        }

        if (!(raw[top] > 0.5 * sum))
        {
            return false;
        }

        kept[top] = raw[top];
        return true;
    }

    /// <summary>
    /// The most voted classes, ties together, until they cover 75% of the votes, three classes are taken or unknown/NF
    /// is reached (dropped when an emotion came before it); kept only when they hold more than half of the votes and
    /// number at most three.
    /// </summary>
    private static bool TopEmotions(Span<double> raw, double sum, Span<double> kept)
    {
        var covered = 0.0;
        var count = 0;
        var valid = true;
        while (covered < 0.75 * sum && count < 3 && valid)
        {
            var max = Max(raw);
            for (var i = 0; i < Columns; i++)
            {
                if (raw[i] != max)
                {
                    continue;
                }

                kept[i] = max;
                raw[i] = 0;
                covered += kept[i];
                count++;
                if (i >= Emotions)
                {
                    valid = false;
                    if (Sum(kept) > max)
                    {
                        kept[i] = 0;
                        count--;
                    }

                    break;
                }
            }
        }

        return Sum(kept) > 0.5 * sum && count <= 3;
    }

    /// <summary>Every class with at least 30% of the votes, kept when together they hold more than half of them.</summary>
    private static bool AboveThreshold(ReadOnlySpan<double> raw, double sum, Span<double> kept)
    {
        for (var i = 0; i < Columns; i++)
        {
            if (raw[i] >= 0.3 * sum)
            {
                kept[i] = raw[i];
            }
        }

        return Sum(kept) > 0.5 * sum;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = values[0];
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
