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
        var byFile = result.Findings.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = result.Sources.Keys.Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = result.Rules.Select(r => r.Descriptor).ToList();

        // Findings of a rule that is not in the run's rule list (none today) still get a test case.
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            var total = 0;
            var failures = 0;
            var suites = new List<(string File, List<(RuleDescriptor Rule, List<Finding> Findings)> Cases)>();
            foreach (var file in files)
            {
                var findings = byFile.TryGetValue(file, out var list) ? list : [];
                var cases = rules
                    .Concat(findings.Select(f => f.Rule).Where(r => !rules.Any(d => d.Id == r.Id)).DistinctBy(r => r.Id))
                    .Select(r => (r, findings.Where(f => f.Rule.Id == r.Id).ToList()))
                    .ToList();
                suites.Add((file, cases));
                total += cases.Count;
                failures += cases.Count(c => c.Item2.Count > 0);
            }

            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "scimlint");
            xml.WriteAttributeString("tests", Number(total));
            xml.WriteAttributeString("failures", Number(failures));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            foreach (var (file, cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(file));
                xml.WriteAttributeString("tests", Number(cases.Count));
                xml.WriteAttributeString("failures", Number(cases.Count(c => c.Findings.Count > 0)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                xml.WriteStartElement("properties");
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", "scimlint.version");
                xml.WriteAttributeString("value", options.ToolVersion);
                xml.WriteEndElement();
                xml.WriteEndElement();
                foreach (var (rule, findings) in cases)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", $"{rule.Id} {rule.Name}");
                    xml.WriteAttributeString("classname", Clean(file));
                    xml.WriteAttributeString("file", Clean(file));
                    if (findings.Count > 0)
                    {
                        var worst = findings.Max(f => f.Severity);
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Clean(findings.Count == 1 ? findings[0].Message : $"{findings.Count} findings: {findings[0].Message}"));
                        xml.WriteAttributeString("type", worst.Name());
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

                            text.Append(CultureInfo.InvariantCulture, $"  help: {f.Rule.HelpUri}\n");
                        }

                        xml.WriteString(Clean(text.ToString()));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(builder.ToString());
        writer.Write('\n');
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

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

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
