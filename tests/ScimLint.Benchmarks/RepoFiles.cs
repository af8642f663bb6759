namespace ScimLint.Benchmarks;

/// <summary>Finds the repository's example files from wherever BenchmarkDotNet starts its child process.</summary>
public static class RepoFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The directory that holds Linter.sln.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>The absolute path of a file or folder given relative to the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The bytes of a file given relative to the repository root.</summary>
    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    private static string FindRoot()
    {
        // BenchmarkDotNet runs a generated project from a folder below bin/, so walk up from both places.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find Linter.sln above " + AppContext.BaseDirectory);
    }
}
