using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Fer.WebDemo.Tests;

/// <summary>The demo over HTTP on loopback: the JSON endpoint, the upload page, limits and concurrent requests.</summary>
public sealed class WebDemoHttpTests
{
    private static readonly string GroupPhoto = Path.Combine(RealFaces.PhotosFolder(), "group1.jpg");

    private static MultipartFormDataContent Form(byte[] bytes, string name = "group1.jpg")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "photo", name } };
    }

    [Fact]
    public async Task The_JSON_endpoint_finds_and_classifies_every_face_of_a_real_photo()
    {
        await using var demo = await RunningDemo.StartAsync();
        using var http = new HttpClient { BaseAddress = demo.Address };

        using var response = await http.PostAsync("/api/faces", Form(File.ReadAllBytes(GroupPhoto)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((800, 533), (json.RootElement.GetProperty("width").GetInt32(), json.RootElement.GetProperty("height").GetInt32()));
        var faces = json.RootElement.GetProperty("faces");
        Assert.Equal(3, faces.GetArrayLength());
        Assert.All(faces.EnumerateArray(), f => Assert.Equal(7, f.GetProperty("probabilities").EnumerateObject().Count()));

        // The raw body works too.
        using var raw = new ByteArrayContent(File.ReadAllBytes(GroupPhoto));
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var rawResponse = await http.PostAsync("/api/faces", raw);
        Assert.Equal(HttpStatusCode.OK, rawResponse.StatusCode);
    }

    [Fact]
    public async Task The_model_setting_picks_an_embedded_FerPlus_model_by_the_fer_tool_s_name_and_an_unknown_one_is_refused()
    {
        await using var demo = await RunningDemo.StartAsync("--model", "FerPlus-Accurate");
        using var http = new HttpClient { BaseAddress = demo.Address };

        using var response = await http.PostAsync("/api/faces", Form(File.ReadAllBytes(GroupPhoto)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(json.RootElement.GetProperty("faces").EnumerateArray(), f => Assert.True(f.GetProperty("probabilities").TryGetProperty("contempt", out _)));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunningDemo.StartAsync("--model", "ferplus-large"));
        Assert.Contains("ferplus-large", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", EmbeddedModelNames.All), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_page_shows_the_annotated_photo_and_a_table_of_faces()
    {
        await using var demo = await RunningDemo.StartAsync();
        using var http = new HttpClient { BaseAddress = demo.Address };

        var page = await http.GetStringAsync("/");
        Assert.Contains("<input type=\"file\" name=\"photo\"", page);
        using var response = await http.PostAsync("/", Form(File.ReadAllBytes(GroupPhoto)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3 faces in a 800x533 photo.", html);
        Assert.Contains("<img id=\"annotated\" alt=\"annotated photo\" src=\"data:image/jpeg;base64,", html);
        Assert.Equal(1 + 3, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public async Task Bad_and_oversized_uploads_get_clear_errors()
    {
        await using var demo = await RunningDemo.StartAsync();
        using var http = new HttpClient { BaseAddress = demo.Address };

        using var garbage = await http.PostAsync("/api/faces", Form([1, 2, 3, 4], "x.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("The image uploaded is not a readable JPEG", await garbage.Content.ReadAsStringAsync());

        using var empty = await http.PostAsync("/api/faces", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("No photo was uploaded", await empty.Content.ReadAsStringAsync());

        // As curl does for large bodies, the client waits for the server's go-ahead (Expect: 100-continue), so the
        // refusal arrives before the 11 MB are sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/faces") { Content = Form(new byte[11 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true;
        using var huge = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("larger than 10 MB", await huge.Content.ReadAsStringAsync());

        using var page = await http.PostAsync("/", Form([1, 2, 3, 4], "x.jpg"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("<p class=\"error\" id=\"error\">", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_requests_share_one_classifier_and_get_the_same_answers()
    {
        await using var demo = await RunningDemo.StartAsync();
        using var http = new HttpClient { BaseAddress = demo.Address };
        var bytes = File.ReadAllBytes(GroupPhoto);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await http.PostAsync("/api/faces", Form(bytes));
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Single(answers.Distinct());
        using var json = JsonDocument.Parse(answers[0]);
        Assert.Equal(3, json.RootElement.GetProperty("faces").GetArrayLength());
    }
}
