using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// The one-file container of models and training states: the magic "FERMODEL", a format version, a JSON header
/// (architecture, metadata, and the list of entries), the entries' raw little-endian data, and a SHA-256 of all
/// that. Reading checks every part and never executes anything from the file.
/// </summary>
internal static class ModelFile
{
    /// <summary>The string a JSON node holds, or null when it is absent or not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public const int FormatVersion = 1;
    private const long MaxFileBytes = 2L << 30;
    private const int MaxHeaderBytes = 64 << 20;
    private static readonly byte[] Magic = "FERMODEL"u8.ToArray();

    public static void Write(Stream stream, JsonObject header, IReadOnlyList<TensorEntry> entries)
    {
        header["entries"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
        {
            ["name"] = e.Name,
            ["type"] = e.Type,
            ["shape"] = new JsonArray(e.Shape.Select(d => (JsonNode)d).ToArray()),
            ["bytes"] = e.Data.LongLength,
        }).ToArray());
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Put(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            hash.AppendData(bytes);
        }

        Span<byte> number = stackalloc byte[4];
        Put(Magic);
        BinaryPrimitives.WriteInt32LittleEndian(number, FormatVersion);
        Put(number);
        BinaryPrimitives.WriteInt32LittleEndian(number, headerBytes.Length);
        Put(number);
        Put(headerBytes);
        foreach (var entry in entries)
        {
            Put(entry.Data);
        }

        stream.Write(hash.GetHashAndReset());
    }

    public static (JsonObject Header, Dictionary<string, TensorEntry> Entries) Read(byte[] file, string source)
    {
        const int fixedBytes = 8 + 4 + 4 + 32;
        if (file.Length < fixedBytes || !file.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw Invalid(source, file.Length < fixedBytes ? $"it is only {file.Length} bytes long (truncated, or not a model file)" : "it does not start with FERMODEL (not a Fer.Core model file)");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        if (version != FormatVersion)
        {
            throw Invalid(source, $"it has format version {version}, but this Fer.Core reads version {FormatVersion}; use a matching Fer.Core version");
        }

        var stored = file.AsSpan(file.Length - 32);
        if (!SHA256.HashData(file.AsSpan(0, file.Length - 32)).AsSpan().SequenceEqual(stored))
        {
            throw Invalid(source, "its checksum does not match (the file is truncated or corrupt)");
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(12));
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 16L + headerLength > file.Length - 32)
        {
            throw Invalid(source, $"its header length {headerLength} does not fit the file");
        }

        var header = ParseHeader(file.AsSpan(16, headerLength), source);

        var entries = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
        long offset = 16 + headerLength;
        var dataEnd = file.Length - 32;
        if (header["entries"] is not JsonArray list)
        {
            throw Invalid(source, "its header has no entry list");
        }

        foreach (var (item, index) in list.Select((n, i) => (n as JsonObject, i)))
        {
            var entry = ReadEntry(item, index, offset, dataEnd, file, source);
            if (!entries.TryAdd(entry.Name, entry))
            {
                throw Invalid(source, $"the entry '{entry.Name}' appears twice");
            }

            offset += entry.Data.Length;
        }

        if (offset != dataEnd)
        {
            throw Invalid(source, $"its entries cover {offset - 16 - headerLength} bytes but the data section has {dataEnd - 16 - headerLength}");
        }

        return (header, entries);
    }

    /// <summary>
    /// Reads a model file's fixed prefix and JSON header only, not its weights: what <see cref="Read"/> would find
    /// there, and how many bytes of entry data the file holds, so that a file far larger than its architecture needs is
    /// refused before it is read. The checksum is checked later, by <see cref="Read"/>.
    /// </summary>
    public static (JsonObject Header, long DataBytes) PeekHeader(string path)
    {
        Fer.Internal.InputFile.RequireRegular(path, "model file", message => new FerModelException(message), nameof(path));
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            const int fixedBytes = 8 + 4 + 4 + 32;
            Span<byte> prefix = stackalloc byte[16];
            if (file.Length < fixedBytes || file.Length > MaxFileBytes || file.Read(prefix) < 16 || !prefix[..8].SequenceEqual(Magic))
            {
                // Read gives the precise reason (size, magic) for the short and the foreign.
                return (new JsonObject(), -1);
            }

            var headerLength = BinaryPrimitives.ReadInt32LittleEndian(prefix[12..]);
            if (BinaryPrimitives.ReadInt32LittleEndian(prefix[8..]) != FormatVersion || headerLength <= 0 || headerLength > MaxHeaderBytes || 16L + headerLength > file.Length - 32)
            {
                return (new JsonObject(), -1);
            }

            var header = new byte[headerLength];
            file.ReadExactly(header);
            return (ParseHeader(header, path), file.Length - 32 - 16 - headerLength);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && e is not FileNotFoundException)
        {
            throw new FerModelException($"The model file '{path}' could not be read: {e.Message}", e);
        }
    }

    private static JsonObject ParseHeader(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            var header = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject
                ?? throw Invalid(source, "its header is not a JSON object");
            MaterializeEveryObject(header);
            return header;
        }
        catch (JsonException e)
        {
            throw new FerModelException($"Invalid model file: {source}: its header: {Fer.Internal.ExceptionWords.Describe(e)}.", e);
        }
        catch (ArgumentException e)
        {
            // JsonObject builds its dictionary on first use and throws there on a repeated key.
            throw new FerModelException($"Invalid model file: {source}: its header repeats a key in one JSON object.", e);
        }
    }

    /// <summary>Enumerates every JSON object once, so that a repeated key is found here rather than at some later lookup.</summary>
    private static void MaterializeEveryObject(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    MaterializeEveryObject(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaterializeEveryObject(item);
                }

                break;
        }
    }

    public static byte[] ReadAllBytes(string path)
    {
        return Fer.Internal.InputFile.ReadAllBytes(path, "model file", MaxFileBytes, message => new FerModelException(message), nameof(path));
    }

    public static FerModelException Invalid(string source, string problem) => new($"Invalid model file: {source}: {problem}.");

    private static TensorEntry ReadEntry(JsonObject? item, int index, long offset, long dataEnd, byte[] file, string source)
    {
        try
        {
            var name = item?["name"]?.GetValue<string>() ?? throw Invalid(source, $"entry {index} has no name");
            var type = item["type"]?.GetValue<string>() ?? "";
            var elementSize = TensorEntry.ElementSize(type);
            if (elementSize == 0)
            {
                throw Invalid(source, $"entry '{name}' has unknown type '{type}'");
            }

            var shape = (item["shape"] as JsonArray ?? throw Invalid(source, $"entry '{name}' has no shape")).Select(d => d!.GetValue<long>()).ToArray();
            if (shape.Any(d => d < 0) || shape.Length > 8)
            {
                throw Invalid(source, $"entry '{name}' has an invalid shape [{string.Join(", ", shape)}]");
            }

            var bytes = item["bytes"]!.GetValue<long>();
            var elements = shape.Aggregate(1L, (a, d) => checked(a * d));
            if (bytes != checked(elements * elementSize) || bytes < 0 || offset + bytes > dataEnd)
            {
                throw Invalid(source, $"entry '{name}' claims {bytes} bytes, which does not match its shape or the file size");
            }

            return new TensorEntry(name, type, shape, file.AsSpan((int)offset, (int)bytes).ToArray());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or NullReferenceException or JsonException)
        {
            throw new FerModelException($"Invalid model file: {source}: entry {index} is malformed: {Fer.Internal.ExceptionWords.Describe(e)}.", e);
        }
    }
}
