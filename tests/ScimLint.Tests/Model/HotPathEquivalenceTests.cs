using ScimLint.Documents;
using ScimLint.Model;
using ScimLint.Text;

namespace ScimLint.Tests.Model;

/// <summary>
/// The per-document hot paths that were rewritten to allocate less (issue 12) answer exactly as the plain versions
/// they replaced, which are kept here as references: secret keys and roles, line maps and shared child paths.
/// </summary>
public sealed class HotPathEquivalenceTests
{
    private static readonly string[] Segments =
    [
        "", "token", "Token", "TOKEN", "identityManagement", "IdentityManagement", "identitymanagement", "provisioning",
        "Provisioning", "value", "Value", "ref", "Ref", "REF", "baseUrl", "base_url", "BASE-URL", "sdmScimToken", "api_key",
        "x-api-key", "jcApiKey", "password", "adminPassword", "current", "previous", "old", "new", "host", "Region", "ssoUrl",
        "a/b", "İd", "ǅungla", "Ωmega", "\U0001D400token", "tok_en", "to-ken", "credentials", "Signature", "url", "loginURL",
    ];

    public static TheoryData<bool> BelowToken => [false, true];

    [Theory]
    [MemberData(nameof(BelowToken))]
    public void Secret_and_url_keys_match_the_normalising_reference(bool belowToken)
    {
        foreach (var key in Keys())
        {
            var normal = key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            var secret = SecretValues.SecretKeys.Contains(normal) || SecretValues.SecretSuffixes.Any(s => normal.EndsWith(s, StringComparison.Ordinal))
                || (belowToken && normal is "current" or "previous" or "value" or "old" or "new");
            Assert.True(secret == SecretValues.IsSecretKey(key, belowToken), key);
            Assert.True(SecretValues.UrlLikeKeys.Contains(normal) == SecretValues.IsUrlLikeKey(key), key);
        }
    }

    [Fact]
    public void Secret_roles_match_the_camel_casing_reference_and_pruning_never_hides_one()
    {
        foreach (var role in Roles())
        {
            var expected = ModelSecrets.IsSecret(role) || ModelSecrets.IsSecret(CamelRole(role));
            Assert.True(expected == ModelSecrets.IsSecretInAnyInitialCase(role), role);
            foreach (var child in Segments)
            {
                var below = role + "/" + child;
                if (ModelSecrets.IsSecretInAnyInitialCase(below) || ModelSecrets.IsSecretInAnyInitialCase(below + "/value"))
                {
                    Assert.True(ModelSecrets.MayLeadToSecret(role), $"{role} hides {below}");
                }

                Assert.Equal(ModelSecrets.IsSecret(role.Length == 0 ? child : below), ModelSecrets.IsSecret(role, child));
            }
        }
    }

    [Fact]
    public void Line_maps_match_the_character_by_character_reference()
    {
        var random = new Random(12);
        var alphabet = new[] { 'a', 'b', ' ', '\r', '\n', '\t', 'é' };
        for (var n = 0; n < 2000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expected = LineStarts(text);
            var source = new SourceText("t.yaml", text);
            Assert.Equal(expected.Count, source.LineCount);
            for (var line = 1; line <= expected.Count; line++)
            {
                Assert.Equal(expected[line - 1], source.GetOffset(line, 1));
            }
        }
    }

    [Fact]
    public void Child_paths_are_the_joined_path_and_shared()
    {
        foreach (var segment in Segments.Append(new string('k', 300)))
        {
            var path = "/applications/0";
            var child = SharedStrings.Child(path, segment);
            Assert.Equal(path + "/" + segment, child);
            if (child.Length <= 256)
            {
                Assert.Same(child, SharedStrings.Child(path, segment));
                Assert.Same(child, SharedStrings.Get(path + "/" + segment));
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Duplicate_and_merged_keys_are_found_in_small_and_large_mappings(int keys)
    {
        // Small mappings are searched in place, large ones through an index: both report the same duplicates and
        // merge the same keys, in the same order.
        var lines = Enumerable.Range(0, keys).Select(i => $"  k{i}: {i}").ToList();
        lines.Add("  k3: again");
        lines.Add("  <<: *base");
        var yaml = "base: &base\n  k1: merged\n  extra: merged\n  k2: merged\nmap:\n" + string.Join("\n", lines) + "\n";

        var document = ScimLint.Loading.DocumentLoader.LoadText("m.yaml", yaml);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal("duplicate key 'k3' (first defined at line 9)", diagnostic.Message);
        var map = Assert.IsType<DocMapping>(((DocMapping)document.Root!).Get("map"));
        Assert.Equal([.. Enumerable.Range(0, keys).Select(i => $"k{i}"), "extra"], map.Properties.Select(p => p.Key.Value));
        Assert.Equal("merged", ((DocScalar)map.Get("extra")!).Value);
        Assert.Equal("1", ((DocScalar)map.Get("k1")!).Value);
    }

    private static IEnumerable<string> Keys() =>
        Segments.Concat(Segments.SelectMany(a => Segments.Select(b => a + b)))
            .Append(new string('x', 200) + "Token").Append(new string('_', 150) + "token").Append("_-_-");

    private static IEnumerable<string> Roles() =>
        Segments.Concat(Segments.SelectMany(a => Segments.Select(b => a + "/" + b)))
            .Concat(Segments.SelectMany(a => new[] { a + "/token/value", a + "/Token/Ref", "Provisioning/" + a + "/ref" }));

    private static string CamelRole(string role) =>
        string.Join('/', role.Split('/').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
