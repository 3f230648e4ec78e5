using System.Globalization;

namespace Fer.Datasets;

/// <summary>Reads the fields of FER+ label files: comma-separated, optionally quoted, the ten vote counts last.</summary>
internal static class FerPlusVoteFields
{
    /// <summary>The longest line read: a FER+ label row has about 40 characters.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>The most taggers a face has: FER+ asked ten.</summary>
    public const int MaxVotes = 10;

    /// <summary>The fields of a line, trimmed and unquoted.</summary>
    public static string[] Split(string line)
        => line.Split(',').Select(f => Unquote(f.AsSpan()).ToString()).ToArray();

    /// <summary>
    /// Parses the ten vote counts that end <paramref name="fields"/>: whole numbers in [0, 10] summing to at most 10.
    /// </summary>
    /// <returns>The counts, or null with <paramref name="reason"/> saying what is wrong.</returns>
    public static byte[]? TryParseCounts(string[] fields, out string? reason)
    {
        var votes = new byte[FerPlusRules.Columns];
        var first = fields.Length - FerPlusRules.Columns;
        var total = 0;
        for (var i = 0; i < FerPlusRules.Columns; i++)
        {
            var text = fields[first + i];
            var column = FerPlusVotes.VoteColumns[i];
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
                && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && Math.Abs(real) <= int.MaxValue && (count = (int)real) == real))
            {
                reason = $"the {column} vote count '{Shorten(text)}' is not a whole number";
                return null;
            }

            if (count is < 0 or > MaxVotes)
            {
                reason = $"the {column} vote count {count} is outside [0, {MaxVotes}] (FER+ has {MaxVotes} taggers per face)";
                return null;
            }

            votes[i] = (byte)count;
            total += count;
        }

        if (total > MaxVotes)
        {
            reason = $"the vote counts sum to {total}, more than the {MaxVotes} taggers FER+ has per face";
            return null;
        }

        reason = null;
        return votes;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }
}
