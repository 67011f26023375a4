namespace Evidence.Core.Store;

/// <summary>
/// The whole lines of a run's journal (or of a sorted spill), each with its item's id, read from the start
/// of a stream. A last line without its newline is a write a crash cut short and is left out.
/// </summary>
internal static class JournalLines
{
    private const int BufferSize = 1 << 16;

    public static IEnumerable<(string Id, byte[] Line)> Read(Stream stream)
    {
        var buffer = new byte[BufferSize];
        var pending = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var newline = Array.IndexOf(buffer, (byte)'\n', 0, read); newline >= 0; newline = Array.IndexOf(buffer, (byte)'\n', start, read - start))
            {
                byte[] line;
                if (pending.Length == 0)
                {
                    line = buffer.AsSpan(start, newline - start).ToArray();
                }
                else
                {
                    pending.Write(buffer, start, newline - start);
                    line = pending.ToArray();
                    pending.SetLength(0);
                }

                start = newline + 1;
                if (IdOf(line) is { } id)
                {
                    yield return (id, line);
                }
            }

            pending.Write(buffer, start, read - start);
        }
    }

    /// <summary>The item's id, its first property as the journal writes it; null for a line that is not an item.</summary>
    public static string? IdOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(line);
            return reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject
                && reader.Read() && reader.ValueTextEquals("id"u8)
                && reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.String
                ? reader.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
