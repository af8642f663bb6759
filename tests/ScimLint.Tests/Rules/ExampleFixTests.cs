using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules;

/// <summary>Applying every fix ScimLint offers to a bundled example leaves no URL finding (SL101-SL105).</summary>
public sealed class ExampleFixTests
{
    private static readonly string[] UrlRules = ["SL101", "SL102", "SL103", "SL104", "SL105"];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repo.Examples).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Applying_all_fixes_to_an_example_leaves_no_url_findings(string example)
    {
        var dir = Path.Combine(Repo.Examples, example);
        var copy = Directory.CreateTempSubdirectory("scimlint-fix-");
        try
        {
            Directory.CreateDirectory(Path.Combine(copy.FullName, ".git"));
            foreach (var file in Directory.GetFiles(dir))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }

            var before = Lint.Directory(copy.FullName);
            foreach (var group in before.Findings.Where(f => f.Fix is not null).GroupBy(f => f.Path, StringComparer.Ordinal))
            {
                var path = Path.Combine(copy.FullName, group.Key);
                File.WriteAllText(path, Fix.Apply(File.ReadAllText(path), group.SelectMany(f => f.Fix!.Replacements)));
            }

            var after = Lint.Directory(copy.FullName);

            // A pulled document (*.live.json) is fixed in the JumpCloud console, never in the file: its URL findings stay.
            static bool Editable(Finding f) => !f.Path.EndsWith(".live.json", StringComparison.Ordinal);
            Assert.Empty(after.Findings.Where(f => UrlRules.Contains(f.Rule.Id) && Editable(f)).Select(f => f.Brief() + " " + f.Message));
            Assert.Empty(after.Of("SL001").Select(f => f.Brief()));
            Assert.Equal(before.Findings.Any(f => UrlRules.Contains(f.Rule.Id)), before.Findings.Any(f => f.Fix is not null && UrlRules.Contains(f.Rule.Id)));
            Assert.All(before.Findings.Where(f => !Editable(f) && f.Fix is not null), f => Assert.Empty(f.Fix!.Replacements));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_eu_example_left_on_us_hosts_is_fixed_to_the_eu_hosts()
    {
        var copy = Directory.CreateTempSubdirectory("scimlint-fix-");
        try
        {
            Directory.CreateDirectory(Path.Combine(copy.FullName, ".git"));
            foreach (var file in Directory.GetFiles(Path.Combine(Repo.Examples, "eu-left-on-us-hosts")))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }

            var findings = Lint.Directory(copy.FullName).Findings.Where(f => f.Fix is not null).ToList();
            var jumpcloud = Path.Combine(copy.FullName, "jumpcloud.yaml");
            var fixedText = Fix.Apply(File.ReadAllText(jumpcloud), findings.SelectMany(f => f.Fix!.Replacements));

            Assert.Contains("  ssoUrl: https://app.eu.strongdm.com/app/login\n", fixedText, StringComparison.Ordinal);
            Assert.Contains("  baseUrl: https://app.eu.strongdm.com/provisioning/generic/v2\n", fixedText, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
