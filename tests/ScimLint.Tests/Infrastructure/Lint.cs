using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Tests.Infrastructure;

/// <summary>Runs the engine in process.</summary>
internal static class Lint
{
    public static LintResult Directory(string directory, ScimLintConfig? config = null, params string[] paths) =>
        new LintEngine(new FileSystem(), directory).Run(new LintRequest(paths.Length == 0 ? ["."] : paths, config ?? ScimLintConfig.Empty));

    /// <summary>Lints in-memory files (path to content) under /repo, which holds a .git directory.</summary>
    public static LintResult Files(IReadOnlyDictionary<string, string> files, ScimLintConfig? config = null, params string[] paths)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile(fs.Path.Combine("/repo", path), new MockFileData(content));
        }

        return new LintEngine(fs, "/repo").Run(new LintRequest(paths.Length == 0 ? ["."] : paths, config ?? ScimLintConfig.Empty));
    }

    public static IEnumerable<Finding> Of(this LintResult result, string ruleId) => result.Findings.Where(f => f.Rule.Id == ruleId);

    public static string Brief(this Finding f) => $"{f.Rule.Id} {f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn}";
}
