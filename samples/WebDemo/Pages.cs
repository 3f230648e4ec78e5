using System.Globalization;
using System.Net;
using System.Text;

namespace Fer.WebDemo;

/// <summary>The upload page: a form, and after an upload the annotated photo and a table of its faces (all text HTML-encoded).</summary>
internal static class Pages
{
    public static string Upload(PhotoAnalysis? analysis, string? error)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Fer.Core: face emotions</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}img{max-width:100%}.error{color:#b00}</style>
            </head><body>
            <h1>Face emotions</h1>
            <form method="post" enctype="multipart/form-data">
              <input type="file" name="photo" accept="image/*" required>
              <button type="submit" id="analyze">Analyze</button>
            </form>
            """);
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"error\">{WebUtility.HtmlEncode(error)}</p>");
        }

        if (analysis is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{analysis.Faces.Count} {(analysis.Faces.Count == 1 ? "face" : "faces")} in a {analysis.Width}x{analysis.Height} photo.</p>");
            html.Append(CultureInfo.InvariantCulture, $"<img id=\"annotated\" alt=\"annotated photo\" src=\"{analysis.AnnotatedDataUri}\">");
            html.Append("<table id=\"faces\"><tr><th>#</th><th>emotion</th><th>confidence</th><th>box</th><th>face confidence</th></tr>");
            for (var i = 0; i < analysis.Faces.Count; i++)
            {
                var face = analysis.Faces[i];
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{WebUtility.HtmlEncode(face.Emotion.Label)}</td><td>{face.Emotion.Confidence:P1}</td><td>{WebUtility.HtmlEncode(face.Face.Box.ToString())}</td><td>{face.Face.Confidence:P1}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }
}
