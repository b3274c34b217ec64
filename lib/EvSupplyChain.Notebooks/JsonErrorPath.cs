using System.Text;
using System.Text.Json;

namespace EvSupplyChain.Notebooks;

/// <summary>Finds the JSON path of the value a syntax error interrupts, e.g. <c>$.cells[2].source</c>.</summary>
internal static class JsonErrorPath
{
    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    /// <summary>The path at the point where reading fails; null when the text is valid JSON.</summary>
    public static string? Find(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var stack = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var top = stack.Count > 0 ? stack[^1] : null;
                if (reader.TokenType == JsonTokenType.PropertyName) { top!.Property = reader.GetString(); continue; }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) { stack.RemoveAt(stack.Count - 1); continue; }
                if (top is { IsArray: true }) top.Index++;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    stack.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
            }
            return null;
        }
        catch (JsonException)
        {
            var sb = new StringBuilder("$");
            foreach (var f in stack)
            {
                if (f.IsArray && f.Index >= 0) sb.Append('[').Append(f.Index).Append(']');
                else if (!f.IsArray && f.Property is not null) sb.Append('.').Append(f.Property);
            }
            return sb.ToString();
        }
    }
}
