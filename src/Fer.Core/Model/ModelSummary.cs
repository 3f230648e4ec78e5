using System.Globalization;
using System.Text;

namespace Fer.Core;

/// <summary>A Keras-style summary of a model: each layer's name, output shape and parameter count, and totals.</summary>
public sealed class ModelSummary
{
    internal ModelSummary(IReadOnlyList<ModelSummaryRow> rows, long trainable, long nonTrainable)
    {
        Rows = rows;
        TrainableParameters = trainable;
        NonTrainableParameters = nonTrainable;
    }

    /// <summary>One row per layer.</summary>
    public IReadOnlyList<ModelSummaryRow> Rows { get; }

    /// <summary>All parameters, trainable and not (batch-norm moving statistics), as Keras counts them.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>Parameters the optimizer updates.</summary>
    public long TrainableParameters { get; }

    /// <summary>Batch-norm moving means and variances.</summary>
    public long NonTrainableParameters { get; }

    /// <summary>The summary as a table, laid out like Keras's <c>model.summary()</c>.</summary>
    public override string ToString()
    {
        var nameWidth = Math.Max(28, Rows.Max(r => r.Name.Length + r.Kind.Length + 3) + 2);
        var shapeWidth = Math.Max(24, Rows.Max(r => r.OutputShape.Length) + 2);
        var line = new string('─', nameWidth + shapeWidth + 14);
        var builder = new StringBuilder();
        builder.AppendLine("Model: \"sequential\"").AppendLine(line);
        builder.Append("Layer (type)".PadRight(nameWidth)).Append("Output Shape".PadRight(shapeWidth)).AppendLine("Param #".PadLeft(14));
        builder.AppendLine(line.Replace('─', '═'));
        foreach (var row in Rows)
        {
            builder.Append($"{row.Name} ({row.Kind})".PadRight(nameWidth)).Append(row.OutputShape.PadRight(shapeWidth))
                   .AppendLine(row.Parameters.ToString("N0", CultureInfo.InvariantCulture).PadLeft(14));
        }

        builder.AppendLine(line.Replace('─', '═'));
        builder.AppendLine(CultureInfo.InvariantCulture, $"Total params: {TotalParameters:N0}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"Trainable params: {TrainableParameters:N0}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"Non-trainable params: {NonTrainableParameters:N0}");
        return builder.ToString();
    }
}
