namespace ScimLint.Tests.Infrastructure;

/// <summary>
/// A temporary copy of every rule fixture case (<c>Fixtures/Rules/SLnnn/bad-*</c> and <c>good-*</c>), each with its own
/// <c>.git</c> directory, so pairing by ancestry stops at the case folder and nothing around the repository's test
/// tree can change a fixture's result. The copy's root is laid out like the repository around the fixtures: it has a
/// <c>.git</c> of its own and deliberately holds a correct JumpCloud export and StrongDM settings pair (a decoy), so a
/// case whose search went past its own <c>.git</c> would find them and fail.
/// Deleted when the test class that uses it is done.
/// </summary>
public sealed class FixtureWorkspace : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("scimlint-fixtures-");

    public FixtureWorkspace()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        foreach (var decoy in new[] { "jumpcloud.yaml", "strongdm.yaml" })
        {
            File.Copy(Repo.Path_("examples", "us-correct", decoy), Path.Combine(Root, decoy));
        }

        foreach (var source in Directory.GetDirectories(Source).SelectMany(Directory.GetDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Source, source));
            CopyTree(source, target);
            Directory.CreateDirectory(Path.Combine(target, ".git"));
        }
    }

    /// <summary>The fixtures in the repository.</summary>
    public static string Source => Path.Combine(Repo.Fixtures, "Rules");

    /// <summary>The root of the copy, which holds the decoy pair.</summary>
    public string Root => _root.FullName;

    /// <summary>The copy of a case, named <c>SLnnn/case</c>.</summary>
    public string Case(string fixture) => Path.Combine(Root, fixture.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose() => _root.Delete(recursive: true);

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
