using System.Runtime.CompilerServices;
using System.Text;

namespace ScimLint.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's file conventions, so that switching to Verify.Xunit later is mechanical:
/// <c>Snapshots/{Class}.{Method}_{parameters}.verified.{ext}</c> is committed; on a mismatch the actual output is
/// written beside it as <c>.received.{ext}</c> (git-ignored) and the test fails. Set <c>SCIMLINT_ACCEPT_SNAPSHOTS=1</c>
/// to accept new output: the received text becomes the verified file.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "SCIMLINT_ACCEPT_SNAPSHOTS";

    public static string FileName(string className, string method, string? parameters, string extension, string kind) =>
        $"{className}.{method}{(parameters is null ? string.Empty : "_" + parameters)}.{kind}.{extension}";

    public static void Match(string actual, string extension, string? parameters = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var className = Path.GetFileNameWithoutExtension(sourceFile);
        var dir = Path.Combine(Repo.Root, "tests", "ScimLint.Tests", "Snapshots");
        System.IO.Directory.CreateDirectory(dir);
        var verified = Path.Combine(dir, FileName(className, method, parameters, extension, "verified"));
        var received = Path.Combine(dir, FileName(className, method, parameters, extension, "received"));
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var expected = File.Exists(verified) ? File.ReadAllText(verified, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"No verified snapshot {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}. Review it, then rerun with {AcceptVariable}=1."
            : $"Snapshot {Path.GetFileName(verified)} differs at line {FirstDifference(expected, actual)}; wrote {Path.GetFileName(received)}. Rerun with {AcceptVariable}=1 to accept.");
    }

    private static int FirstDifference(string a, string b)
    {
        var la = a.Split('\n');
        var lb = b.Split('\n');
        for (var i = 0; i < Math.Min(la.Length, lb.Length); i++)
        {
            if (la[i] != lb[i])
            {
                return i + 1;
            }
        }

        return Math.Min(la.Length, lb.Length) + 1;
    }
}
