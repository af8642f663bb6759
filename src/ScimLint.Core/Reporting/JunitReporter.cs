using System.Globalization;
using System.Text;
using System.Xml;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Reporting;

/// <summary>
/// JUnit XML for CI test-report views: one <c>testsuite</c> per file, one <c>testcase</c> per enabled rule and file.
/// A test case fails (<c>failure</c>, its <c>type</c> the highest severity) when the rule reported findings in the
/// file; the failure text lists them in compiler style. No timestamps or times, so the output is deterministic.
/// </summary>
public sealed class JunitReporter : IReporter
{
    /// <inheritdoc/>
    public void Write(LintResult result, TextWriter writer, ReportOptions options)
    {
        var suites = Suites(result);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "scimlint");
            Counts(xml, suites.Sum(s => s.Cases.Count), suites.Sum(s => s.Cases.Count(c => c.Findings.Count > 0)));
            foreach (var (file, cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(file));
                Counts(xml, cases.Count, cases.Count(c => c.Findings.Count > 0));
                xml.WriteStartElement("properties");
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", "scimlint.version");
                xml.WriteAttributeString("value", Clean(options.ToolVersion));
                xml.WriteEndElement();
                xml.WriteEndElement();
                foreach (var (rule, findings) in cases)
                {
                    WriteCase(xml, result, file, rule, findings);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(builder.ToString());
        writer.Write('\n');
    }

    // Every file read or reported, each with a case per enabled rule (and per rule that reported there, should one
    // ever report without being enabled).
    private static List<Suite> Suites(LintResult result)
    {
        var byFile = result.Findings.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = result.Files!.Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rules = result.Rules.Select(r => r.Descriptor).ToList();
        return [.. files.Select(file =>
        {
            var findings = byFile.TryGetValue(file, out var list) ? list : [];
            var extra = findings.Select(f => f.Rule).Where(r => !rules.Any(d => d.Id == r.Id)).DistinctBy(r => r.Id);
            return new Suite(file, [.. rules.Concat(extra).Select(r => new Case(r, [.. findings.Where(f => f.Rule.Id == r.Id)]))]);
        })];
    }

    // Records, not tuples: LINQ and lists over a value tuple are JIT-compiled at run time (a ReadyToRun image cannot hold them).
    private sealed record Suite(string File, List<Case> Cases);

    private sealed record Case(RuleDescriptor Rule, List<Finding> Findings);

    private static void WriteCase(XmlWriter xml, LintResult result, string file, RuleDescriptor rule, List<Finding> findings)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", $"{rule.Id} {rule.Name}");
        xml.WriteAttributeString("classname", Clean(file));
        xml.WriteAttributeString("file", Clean(file));
        if (findings.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(findings.Count == 1 ? findings[0].Message : $"{findings.Count} findings: {findings[0].Message}"));
            xml.WriteAttributeString("type", findings.Max(f => f.Severity).Name());
            var text = new StringBuilder();
            foreach (var f in findings)
            {
                result.Sources.TryGetValue(f.Path, out var source);
                var s = Regions.Normalize(f.Span, source);
                text.Append(CultureInfo.InvariantCulture, $"{f.Path}:{s.StartLine}:{s.StartColumn}: {f.Severity.Name()} {f.Rule.Id}: {f.Message} [{f.Rule.Name}]\n");
                if (f.Fix is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  = fix: {f.Fix.Description}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"  help: {(result.Catalog.Custom.ContainsKey(f.Rule.Id) ? "scimlint explain " + f.Rule.Id : f.Rule.HelpUri)}\n");
            }

            xml.WriteString(Clean(text.ToString()));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
    }

    // XML 1.0 cannot carry most control characters, even escaped; a message quoting input could hold one.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // EnumerateRunes already turns a lone surrogate into U+FFFD.
            builder.Append(rune.Value is '\n' or '\t' || !Rune.IsControl(rune) ? rune.ToString() : "\uFFFD");
        }

        return builder.ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
