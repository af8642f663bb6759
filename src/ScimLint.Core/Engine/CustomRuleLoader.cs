using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using ScimLint.Configuration;
using ScimLint.Rules;
using ScimLint.Rules.Input;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>
/// The custom rules of a run: the rule files' folder, the rules found in them (in a collectible load context), their
/// pages for <c>scimlint explain</c> and SARIF, and, when they did not compile, the compiler's errors as findings.
/// </summary>
internal sealed class CustomRuleSet(CustomRuleSources sources)
{
    /// <summary>The rule files.</summary>
    public CustomRuleSources Sources { get; } = sources;

    /// <summary>The rules, in ID order; none when the files did not compile.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>Each rule's source file and page, by ID.</summary>
    public IReadOnlyDictionary<string, CustomRuleInfo> Info { get; init; } = new Dictionary<string, CustomRuleInfo>();

    /// <summary>The compiler's errors, one finding each at the compiler's own position.</summary>
    public IReadOnlyList<RawFinding> Findings { get; init; } = [];

    /// <summary>Whether the files did not compile (so the IDs a configuration names may be unknown).</summary>
    public bool CompileFailed => Findings.Count > 0;

    /// <summary>Where the assembly came from: "compiled" or "cache".</summary>
    public string Origin { get; init; } = "compiled";

    /// <summary>The rule files' texts by display path, for code frames.</summary>
    public IReadOnlyDictionary<string, SourceText> Texts =>
        Sources.Files.ToDictionary(f => f.Display, f => new SourceText(f.Display, f.Text), StringComparer.Ordinal);

    /// <summary>A catalogue of the built-in rules and these.</summary>
    public RuleCatalog Extend(RuleCatalog builtIn) => Rules.Count == 0 ? builtIn : new RuleCatalog([.. builtIn.Rules, .. Rules]) { Custom = Info };
}

/// <summary>
/// Loads custom rules from a folder: reads the <c>*.cs</c> files, takes the compiled assembly from the cache when its
/// key matches (no Roslyn is loaded then), else compiles them (<see cref="CustomRuleCompiler"/>) and stores the result;
/// loads the assembly into a collectible <see cref="AssemblyLoadContext"/>, creates every concrete
/// <see cref="Rule"/> subclass and checks their IDs. A compile error is a finding (SL007), never an exception; a
/// clash of IDs or names, or a rule that cannot be created, is a configuration error (<see cref="ConfigException"/>).
/// </summary>
internal sealed class CustomRuleLoader(Workspace workspace, RuleCatalog builtIn, string? cacheDirectory, Action<string>? log)
{
    // Letters then letters or digits (ACME001, ORG12); SL is ScimLint's.
    private static readonly Regex IdPattern = new("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

    /// <summary>The custom rules of a folder, or null when it holds no <c>*.cs</c> file.</summary>
    public CustomRuleSet? Load(string folder)
    {
        var sources = CustomRuleSources.Read(workspace, folder);
        if (sources is null)
        {
            return null;
        }

        var key = sources.Key();
        var cache = cacheDirectory is null ? null : new CustomRuleCache(workspace.FileSystem, cacheDirectory);
        string? problem = null;
        if (cache is not null && cache.TryRead(key, out problem) is { } hit)
        {
            if (TryLoad(sources, hit.Image, hit.Documentation, key, "cache") is { } cached)
            {
                Log($"custom rules: loaded {cached.Rules.Count} rule{Plural(cached.Rules.Count)} from {sources.Display} out of the cache ({cache.PathOf(key)}); not compiled");
                return cached;
            }

            Log($"custom rules: the cache entry {cache.PathOf(key)} did not load; compiling again");
        }
        else if (problem is not null)
        {
            Log("custom rules: " + problem);
        }

        return Compile(sources, key, cache);
    }

    private CustomRuleSet Compile(CustomRuleSources sources, string key, CustomRuleCache? cache)
    {
        var clock = Stopwatch.StartNew();
        var outcome = CustomRuleCompiler.Compile(sources.Files, AssemblyName(key));
        Log($"custom rules: compiled {sources.Files.Count} file{Plural(sources.Files.Count)} in {sources.Display} in {clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms"
            + (outcome.Errors.Count > 0 ? $" with {outcome.Errors.Count} error{Plural(outcome.Errors.Count)}" : string.Empty));
        if (outcome.Image is null || outcome.Documentation is null)
        {
            return new CustomRuleSet(sources) { Findings = Findings(sources, outcome.Errors) };
        }

        if (cache is not null)
        {
            var problem = cache.Write(key, outcome.Image, outcome.Documentation);
            Log(problem is null ? $"custom rules: cached as {cache.PathOf(key)}" : "custom rules: " + problem);
        }

        return TryLoad(sources, outcome.Image, outcome.Documentation, key, "compiled")
            ?? throw new LintUsageException($"{sources.Display}: the compiled custom rules could not be loaded");
    }

    private static string AssemblyName(string key) => "ScimLint.CustomRules." + key[..16];

    /// <summary>Loads the assembly and creates its rules; null when the image is not a loadable assembly (a bad cache entry).</summary>
    private CustomRuleSet? TryLoad(CustomRuleSources sources, byte[] image, byte[] documentation, string key, string origin)
    {
        var context = new AssemblyLoadContext(AssemblyName(key), isCollectible: true);
        Assembly assembly;
        Type[] types;
        try
        {
            assembly = context.LoadFromStream(new MemoryStream(image));
            types = assembly.GetTypes();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or ReflectionTypeLoadException)
        {
            context.Unload();
            return null;
        }

        var errors = new List<string>();
        var rules = Create(types, sources, errors);
        Check(rules, sources, errors);
        if (errors.Count > 0)
        {
            context.Unload();
            throw new ConfigException(errors);
        }

        var pages = CustomRulePages.For(workspace.FileSystem, sources, rules, documentation);
        return new CustomRuleSet(sources) { Rules = rules, Info = pages, Origin = origin };
    }

    /// <summary>Creates one instance of every concrete rule class, in ID order.</summary>
    private static List<Rule> Create(Type[] types, CustomRuleSources sources, List<string> errors)
    {
        var rules = new List<Rule>();
        foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract && typeof(Rule).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            try
            {
                var rule = (Rule)Activator.CreateInstance(type, nonPublic: true)!;
                if (rule.Descriptor is null)
                {
                    throw new InvalidOperationException("no descriptor");
                }

                rules.Add(rule);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var inner = ex is TargetInvocationException { InnerException: { } cause } ? cause : ex;
                errors.Add($"{sources.Locate("class " + type.Name)}: custom rule {type.Name} could not be created ({inner.GetType().Name}); a rule needs a parameterless constructor and a Descriptor that do not throw");
            }
        }

        return [.. rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];
    }

    /// <summary>IDs: a prefix of the user's own (not SL), letters and digits, unique; names unique too.</summary>
    private void Check(List<Rule> rules, CustomRuleSources sources, List<string> errors)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var d = rule.Descriptor;
            var type = rule.GetType().Name;
            var where = sources.Locate($"\"{d.Id}\"", "class " + type);
            string? problem = null;
            if (string.IsNullOrEmpty(d.Id) || !IdPattern.IsMatch(d.Id))
            {
                problem = $"custom rule ID '{d.Id}' of {type} must be letters then letters or digits, with a prefix of your own, such as ACME001";
            }
            else if (d.Id.StartsWith("SL", StringComparison.OrdinalIgnoreCase))
            {
                problem = $"custom rule ID '{d.Id}' of {type} uses ScimLint's prefix SL, which is reserved for built-in rules; use a prefix of your own, such as ACME001";
            }
            else if (builtIn.Find(d.Id) is not null || ids.TryGetValue(d.Id, out _))
            {
                problem = $"custom rule ID '{d.Id}' of {type} is already used by {(ids.TryGetValue(d.Id, out var other) ? other : "a built-in rule")}; IDs must be unique";
            }
            else if (string.IsNullOrWhiteSpace(d.Name) || builtIn.Find(d.Name) is not null || names.ContainsKey(d.Name))
            {
                problem = $"custom rule name '{d.Name}' of {type} is empty or already used{(names.TryGetValue(d.Name ?? string.Empty, out var by) ? " by " + by : string.Empty)}; names must be unique";
            }

            if (problem is not null)
            {
                errors.Add($"{where}: {problem}");
                continue;
            }

            ids[d.Id] = type;
            names[d.Name!] = d.Id;
        }
    }

    /// <summary>The compiler's errors as findings at the compiler's own positions.</summary>
    private static List<RawFinding> Findings(CustomRuleSources sources, IReadOnlyList<CompileError> errors)
    {
        var texts = sources.Files.ToDictionary(f => f.Name, f => new SourceText(f.Display, f.Text), StringComparer.Ordinal);
        var rule = CustomRuleCompileErrorRule.Rule;
        return [.. errors.Select(e =>
        {
            var text = texts.TryGetValue(e.FileName, out var t) ? t : texts[sources.Files[0].Name];
            var span = text.Span(Math.Min(e.Start, text.Text.Length), Math.Min(e.End, text.Text.Length));
            return new RawFinding(rule, span, string.Empty, Finding.HashValue(e.Code + " " + e.Message, false), rule.Format(e.Code, e.Message), null);
        })];
    }

    private void Log(string line) => log?.Invoke(line);

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
