using Fer.Detection;
using Fer.Onnx;
using Microsoft.AspNetCore.Http.Features;
using Fer.Imaging;

namespace Fer.WebDemo;

/// <summary>
/// Builds the demo app: one <see cref="IEmotionPredictor"/> and one <see cref="IFaceDetector"/> shared by every request
/// (both thread-safe, disposed with the app), request size and pixel limits, and the three endpoints.
/// </summary>
public static class WebDemoApp
{
    /// <summary>The largest upload accepted: 10 MB.</summary>
    public const long MaxUploadBytes = 10L * 1024 * 1024;

    /// <summary>The largest photo accepted: 40 megapixels.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>
    /// The app, configured from <paramref name="args"/> (e.g. <c>--urls http://127.0.0.1:8080</c>) and the usual
    /// ASP.NET configuration sources: <c>--model ferplus</c> (or <c>Model</c> in appsettings, <c>MODEL</c> in the
    /// environment) picks the embedded model, <see cref="EmbeddedModel.Default"/> when absent.
    /// </summary>
    /// <exception cref="ArgumentException">The configured model is not the name of an embedded model.</exception>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var model = ChosenModel(builder.Configuration["model"]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.Services.AddSingleton<IEmotionPredictor>(_ => OnnxEmotionClassifier.LoadEmbedded(model));
        builder.Services.AddSingleton<IFaceDetector>(_ => new BlazeFaceDetector());
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Pages.Upload(null, null), "text/html; charset=utf-8"));
        app.MapPost("/", async (HttpRequest request, IEmotionPredictor classifier, IFaceDetector detector) =>
        {
            var (analysis, error, status) = await Analyze(request, classifier, detector, annotate: true);
            return Results.Content(Pages.Upload(analysis, error), "text/html; charset=utf-8", statusCode: status);
        });
        app.MapPost("/api/faces", async (HttpRequest request, IEmotionPredictor classifier, IFaceDetector detector) =>
        {
            var (analysis, error, status) = await Analyze(request, classifier, detector, annotate: false);
            return analysis is null ? Results.Json(new { error }, statusCode: status) : Results.Content(analysis.Json, "application/json");
        });
        return app;
    }

    private static EmbeddedModel ChosenModel(string? name)
        => name is null ? EmbeddedModel.Default
            : EmbeddedModelNames.TryParse(name, out var model) ? model
            : throw new ArgumentException($"The model setting is '{name}'; it must name an embedded model: {string.Join(", ", EmbeddedModelNames.All)}.");

    /// <summary>Reads the photo (a multipart field "photo", or the raw body), finds and classifies its faces, and annotates a copy for the page.</summary>
    private static async Task<(PhotoAnalysis? Analysis, string? Error, int Status)> Analyze(HttpRequest request, IEmotionPredictor classifier, IFaceDetector detector, bool annotate)
    {
        byte[] bytes;
        try
        {
            bytes = await Upload.Read(request);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, $"The upload is larger than {MaxUploadBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException e)
        {
            return (null, $"The upload could not be read: {e.Message}", e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        if (bytes.Length == 0)
        {
            return (null, "No photo was uploaded: send a JPEG, PNG, BMP, WebP or GIF file in the form field 'photo'.", StatusCodes.Status400BadRequest);
        }

        try
        {
            using var photo = Fer.Photo.Decode(bytes, "uploaded");
            if ((long)photo.Width * photo.Height > MaxPixels)
            {
                return (null, $"The photo has {photo.Width}x{photo.Height} pixels, more than the {MaxPixels / 1_000_000} megapixels accepted.", StatusCodes.Status413PayloadTooLarge);
            }

            var faces = classifier.PredictFaces(photo, detector);
            string? annotated = null;
            if (annotate)
            {
                using var copy = FaceAnnotations.Annotate(photo, faces);
                annotated = "data:image/jpeg;base64," + Convert.ToBase64String(copy.ToJpeg(85));
            }

            return (new PhotoAnalysis(photo.Width, photo.Height, faces, annotated, annotate ? null : FaceAnnotations.ToJson(photo, faces)), null, StatusCodes.Status200OK);
        }
        catch (FerDataException e)
        {
            return (null, e.Message, StatusCodes.Status400BadRequest);
        }
    }
}
