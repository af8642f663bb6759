using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>Issue 9, crashes and blow-ups: each reproducer of the audit as a test.</summary>
public sealed class CrashRegressionTests
{
    internal static CliRun Lint(string path, string text, params string[] extra)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/" + path, new MockFileData(text));
        return CliRunner.Run(fs, "/repo", [path, .. extra]);
    }

    // Found by the property test (a LongLine mutation of examples/uk-correct/strongdm.json): 9,188 letters inserted
    // into the first line made the code frame's token-key masking quadratic (6.2 s for one frame). The key pattern now
    // starts its letter prefix only where a run of letters starts; these two tests show the masking is unchanged.
    [Fact]
    public void A_long_run_of_letters_before_a_token_key_is_masked_as_before()
    {
        var secret = "sdmscim_" + new string('Q', 24);
        var text = "{\"organization\": \"acme\", " + new string('q', 9_188) + "xtoken: \"" + secret + "\", \"apiKey\": \"" + secret + "\"\n";

        var run = Lint("strongdm.json", text);

        Assert.Contains("SL001", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..8], run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("QQQQQQQQ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_start_key_pattern_finds_exactly_the_matches_of_the_plain_one()
    {
        var plain = new System.Text.RegularExpressions.Regex(Redaction.Redactor.Keys + Redaction.Redactor.InlineValue, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var runStart = new System.Text.RegularExpressions.Regex(Redaction.Redactor.RunStartKeys + Redaction.Redactor.InlineValue, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        string[] pieces = ["token", "Token", "value", "current", "previous", "apikey", "api_key", "secret", "x", "Q", "_", "1", " ", ":", "=", "\"", "'", "${env:A}", "{", "}", ",", ";", "#", "[", "-", "sig", "auth"];
        var random = new Random(20261202);
        var matched = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = plain.Matches(text).Select(m => (m.Index, m.Length, m.Groups["value"].Index, m.Groups["value"].Length)).ToList();
            var actual = runStart.Matches(text).Select(m => (m.Index, m.Length, m.Groups["value"].Index, m.Groups["value"].Length)).ToList();
            matched += expected.Count;

            Assert.True(expected.SequenceEqual(actual), $"'{text}': {string.Join(" ", expected)} against {string.Join(" ", actual)}");
        }

        Assert.True(matched > 1_000, $"only {matched} matches: the sample does not exercise the pattern");
    }

    // Found by comparing the C# loader's comment search with a trivia walk on random fragments (issue 12): Roslyn 5.0's
    // diagnostic enumerator throws ArgumentOutOfRangeException on these, and the run ended with an internal error.
    [Theory]
    [InlineData("// strongdm\n$\"{#region r //c\"\t#region r //cclass C {\n")]
    [InlineData("// strongdm\n \t$\"{#endif////// <see cref=\"#else$\"{#if X\n")]
    public void Csharp_that_the_parser_fails_to_list_errors_for_is_one_finding_not_an_internal_error(string source)
    {
        var document = DocumentLoader.LoadText("Config.cs", source);
        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Contains("the C# parser failed while listing its syntax errors", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(document.Root);

        var run = Lint("strongdm.cs", source);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL001: C# source could not be read", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_thousand_nested_parentheses_in_csharp_are_one_finding_not_a_stack_overflow()
    {
        var source = "class StrongDmSettings { object X = " + new string('(', 20_000) + "1" + new string(')', 20_000) + "; }\n";

        var run = Lint("strongdm.cs", source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL001: C# nesting deeper than 256 levels", run.Out, StringComparison.Ordinal);
    }


    // Found by the long fuzz campaign: 20,000 '[' inside an interpolation hole passed the first scan (strings are
    // text to it) and kept Roslyn's parser busy for more than 15 minutes; 3,000 took 34 s.
    [Theory]
    [InlineData("$\"{", "}\"")]
    [InlineData("$@\"{", "}\"")]
    [InlineData("$$\"\"\"{{", "}}\"\"\"")]
    public void Brackets_nested_in_an_interpolation_hole_are_one_finding_not_a_hang(string open, string close)
    {
        var source = "class StrongDm { object Im = new IdentityManagement { BaseUrl = " + open + new string('[', 20_000) + close + " }; }\n";

        var run = Lint("jumpcloud.cs", source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL001: C# nesting deeper than 256 levels", run.Out, StringComparison.Ordinal);
    }

    // Found by the long fuzz campaign (seed 9YkXpHeaQvP1): with CRLF line endings, Roslyn's "unterminated string
    // literal" covers the CR, so the span ended between CR and LF, at column 3 of a 1-character line.
    [Fact]
    public void A_span_that_ends_inside_a_crlf_ends_at_the_line_end()
    {
        var text = new ScimLint.Text.SourceText("a.cs", "class C\r\n{\r\n    }$\"{\r\n}\r\n");

        var span = text.Span(text.Text.IndexOf("}\r\n", 14, StringComparison.Ordinal) + 1, text.Text.IndexOf("}\r\n", 14, StringComparison.Ordinal) + 2);

        Assert.Equal((4, 2, 4, 2), (span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));
    }

    // Found by the long fuzz campaign (seed 6E30XhNE_dR2): a C# sibling with invalid UTF-8, read for constant
    // folding, threw DecoderFallbackException out of the engine when the file system decoded strictly.
    [Fact]
    public void A_csharp_sibling_with_invalid_utf8_is_read_leniently()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/Connector.cs", new MockFileData("class StrongDm { object Im = new IdentityManagement { BaseUrl = Urls.Base }; }\n"));
        fs.AddFile("/repo/Urls.cs", new MockFileData([.. "static class Urls { public const string Base = \"https://app.strongdm.com/provisioning/generic/v2\"; } // "u8, 0xC3, 0x28, 0xFF, (byte)'\n']));

        var run = CliRunner.Run(fs, "/repo", ".");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.DoesNotContain("DecoderFallback", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_in_strings_and_comments_below_twice_the_cap_still_parse()
    {
        var source = "class StrongDm { string S = \"" + new string('[', 400) + "\"; object Im = new IdentityManagement { BaseUrl = \"https://app.strongdm.com/provisioning/generic/v2\" }; }\n";

        var run = Lint("jumpcloud.cs", source);

        Assert.DoesNotContain("SL001", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$\"{")]
    [InlineData("$@\"{")]
    [InlineData("@$\"{")]
    [InlineData("$$\"\"\"{{")]
    public void Brackets_nested_in_an_interpolation_hole_are_capped_like_any_other(string opening)
    {
        // Found by the fuzz campaign: the depth scan skipped interpolated strings as text, but Roslyn parses their
        // holes, and 3,000 '[' there took 34 s (20,000 did not finish in 15 minutes).
        var source = "class StrongDm { object Im = new IdentityManagement { BaseUrl = " + opening + new string('[', 3_000) + "}\" }; }\n";

        var run = Lint("strongdm.cs", source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL001: C# nesting deeper than 256 levels", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_depth_scan_skips_strings_comments_and_characters()
    {
        const string source = """"
            // ((((((((
            /* [[[[[[[[ */
            var a = "((((((\"(((";
            var b = @"[[[[""[[[";
            var c = $"{{{{ {x} (((";
            var d = '(';
            var e = """
                ((((((
                """;
            var f = (((1)));
            """";

        var (depth, _) = CSharpGuard.NestingDepth(source, 100);

        Assert.Equal(3, depth);
    }

    [Fact]
    public async Task A_hundred_thousand_suppression_comments_are_parsed_and_indexed_in_linear_time()
    {
        // The old matching rescanned the rest of the file for every comment: 20k lines took 56 s, 100k never ended.
        // The guard below only catches a return to that; it is far above the time the linear code needs. The
        // parse and the per-line index are what was quadratic, so they are exercised directly at full size; the
        // end-to-end run below covers the pipeline at a size whose 100,000-line report would only cost time.
        var work = Task.Run(() =>
        {
            var document = DocumentLoader.LoadText("strongdm.yaml", SuppressionComments(100_000));
            var parsed = Suppressions.Parse(document);
            return (parsed, Suppressions.ByLine(parsed));
        });

        var (parsed, byLine) = await work.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(100_000, parsed.Count);
        var covered = Assert.Single(byLine);
        Assert.Equal(100_003, covered.Key);
        Assert.Equal(100_000, covered.Count());
    }

    [Fact]
    public void Five_thousand_suppression_comments_go_through_the_whole_pipeline()
    {
        var run = Lint("strongdm.yaml", SuppressionComments(5_000), "--format", "json");

        Assert.Equal(5_000, run.Out.Split("\"ruleId\": \"SL005\"").Length - 1);
    }

    private static string SuppressionComments(int count)
    {
        var text = new StringBuilder("controlPlane:\n  region: US\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("# scimlint: ignore[SL104] reason\n");
        }

        return text.Append("provisioning:\n  scimProvider: generic\n").ToString();
    }

    [Fact]
    public void A_comment_block_suppression_applies_to_the_next_content_line()
    {
        const string text = """
            application:
              name: strongdm
              # scimlint: ignore[SL104] kept on purpose
              # an ordinary comment
              ssoUrl: https://example.com/login
            """;
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(text));
        var document = DocumentLoader.LoadText("jumpcloud.yaml", text);

        var suppression = Assert.Single(Suppressions.Parse(document));

        Assert.Equal(5, suppression.Line);
    }
}
