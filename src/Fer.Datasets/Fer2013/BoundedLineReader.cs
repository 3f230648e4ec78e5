namespace Fer.Datasets;

/// <summary>
/// Reads text lines of at most a given length: a longer line (a gzip bomb holding one multi-gigabyte line, a file that
/// is not a CSV) is refused once the limit is passed, before more memory is taken. Lines end at \n, \r\n or \r.
/// </summary>
internal sealed class BoundedLineReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly char[] _buffer = new char[1 << 16];
    private char[] _line = new char[1024];
    private int _start;
    private int _end;
    private bool _skipNewlineAfterReturn;

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>The next line without its terminator, or null at the end; throws when a line exceeds the limit.</summary>
    /// <param name="tooLong">Makes the exception for a line over the limit (given the limit).</param>
    public string? ReadLine(Func<int, Exception> tooLong)
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _end = _reader.Read(_buffer, 0, _buffer.Length);
                _start = 0;
                if (_end == 0)
                {
                    return any ? new string(_line, 0, length) : null;
                }
            }

            if (_skipNewlineAfterReturn)
            {
                _skipNewlineAfterReturn = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            any = true;
            var chunk = _buffer.AsSpan(_start, _end - _start);
            var stop = chunk.IndexOfAny('\n', '\r');
            var take = stop < 0 ? chunk.Length : stop;
            if (length + take > _maxLength)
            {
                throw tooLong(_maxLength);
            }

            if (length + take > _line.Length)
            {
                Array.Resize(ref _line, Math.Min(_maxLength, Math.Max(length + take, _line.Length * 2)));
            }

            chunk[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _start += take;
            if (stop >= 0)
            {
                _skipNewlineAfterReturn = _buffer[_start] == '\r';
                _start++;
                return new string(_line, 0, length);
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
