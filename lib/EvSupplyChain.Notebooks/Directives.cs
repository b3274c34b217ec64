using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace EvSupplyChain.Notebooks;

/// <summary>Handles what Polyglot accepts but Roslyn scripting does not: <c>#!</c> magics and <c>#r "nuget:"</c>.</summary>
internal static partial class Directives
{
    /// <summary>Comments out unsupported directive lines (keeping line numbers) and says so on stderr.</summary>
    public static string Prepare(string source, OutputCollector output)
    {
        if (!source.Contains("#!", StringComparison.Ordinal) && !source.Contains("nuget:", StringComparison.OrdinalIgnoreCase)) return source;
        var lines = source.Split('\n');
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].TrimStart();
            if (i == 0 && (t.TrimEnd() is "#!csharp" or "#!c#" or "#!C#")) lines[i] = "//" + lines[i];
            else if (t.StartsWith("#!", StringComparison.Ordinal) || NuGet().IsMatch(t))
            {
                output.Write("stderr", $"evsc: line {i + 1} ignored (magic commands and NuGet references are not supported by the headless runner): {t.TrimEnd()}\n");
                lines[i] = "//" + lines[i];
            }
            sb.Append(lines[i]);
            if (i < lines.Length - 1) sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The diagnostic message, with a hint when a <c>#r</c> DLL is missing.</summary>
    public static string Explain(Diagnostic d) => d.Id == "CS0006"
        ? d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " Run `dotnet build` first: it writes artifacts/notebook/, which the notebooks' #r lines load."
        : d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("""^#r\s+"nuget:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGet();
}
