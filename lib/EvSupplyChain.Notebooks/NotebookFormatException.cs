namespace EvSupplyChain.Notebooks;

/// <summary>A notebook file that is not valid nbformat 4 JSON; the message names the file and the JSON path at fault.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string file, string jsonPath, string problem, Exception? inner = null)
        : base($"{file}: {jsonPath}: {problem}", inner)
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string File { get; }

    /// <summary>Where in the JSON, e.g. <c>$.cells[3].source</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
