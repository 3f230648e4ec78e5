namespace Fer.WebDemo;

/// <summary>The uploaded photo's bytes: the multipart form field "photo", or the whole body for other content types.</summary>
internal static class Upload
{
    public static async Task<byte[]> Read(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            if (form.Files.GetFile("photo") is not { Length: > 0 } file)
            {
                return [];
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return buffer.ToArray();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }
}
