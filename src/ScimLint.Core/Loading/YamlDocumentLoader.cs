using System.Globalization;
using System.Text.RegularExpressions;
using ScimLint.Documents;
using ScimLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ScimLint.Loading;

/// <summary>Reads YAML with YamlDotNet's event parser into a <see cref="DocNode"/> tree with exact spans.</summary>
internal static partial class YamlDocumentLoader
{
    public static SourceDocument Load(SourceText text, LoadLimits limits)
    {
        var comments = new List<SourceComment>();
        var diagnostics = new List<LoadDiagnostic>();
        DocNode? root = null;
        var builder = new Builder(text, limits, comments, diagnostics);
        try
        {
            root = builder.Build();
        }
        catch (YamlException ex)
        {
            var offset = ex.Start.Index > 0 || ex.End.Index > 0 ? checked((int)Math.Min(ex.Start.Index, text.Text.Length)) : builder.LastOffset;
            var message = Clean(ex);
            if (builder.UnclosedFlowAtEnd(offset) is { } unclosed)
            {
                // "did not find expected ',' or ']'" at the end of the file: the bracket is what needs fixing.
                (offset, message) = unclosed;
            }
            else if (message.Contains("tab", StringComparison.Ordinal))
            {
                // YamlDotNet reports a tab in the indentation at the start of the mapping; point at the tab.
                offset = TabIndentation(text.Text, offset) ?? offset;
            }

            diagnostics.Add(new LoadDiagnostic(text.Span(offset, offset), message));
            root = null;
        }
        catch (LimitException ex)
        {
            diagnostics.Add(new LoadDiagnostic(ex.Span, ex.Message));
            root = null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet's scanner can fail with a state error on some malformed input (an unclosed flow collection
            // followed by a block mapping). Report it as a syntax error at the innermost unclosed bracket.
            var (offset, message) = builder.FailurePoint();
            diagnostics.Add(new LoadDiagnostic(text.Span(offset, offset), message));
            root = null;
        }

        return new SourceDocument(text, DocumentFormat.Yaml, root, comments, diagnostics);
    }

    private static int? TabIndentation(string text, int from)
    {
        var lineStart = from;
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }

        for (var i = lineStart; i < text.Length; i++)
        {
            if (text[i] == '\t')
            {
                return i;
            }

            if (text[i] is not (' ' or '\n' or '\r'))
            {
                // Skip to the next line: only the indentation matters.
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
        }

        return null;
    }

    private static string Clean(YamlException ex)
    {
        var message = PositionPrefix().Replace(ex.Message, string.Empty).Trim();
        if (ex.InnerException is YamlException inner && !string.IsNullOrWhiteSpace(inner.Message))
        {
            message = PositionPrefix().Replace(inner.Message, string.Empty).Trim();
        }

        message = message.TrimEnd('.');
        return message.Length == 0 ? "YAML syntax error" : "YAML syntax error: " + char.ToLowerInvariant(message[0]) + message[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex NumberPattern();

    /// <summary>
    /// The keys of a mapping being built, in its property list: searched in place while the mapping is small (most
    /// are), indexed by a dictionary once it grows, so that a mapping of many keys stays linear.
    /// </summary>
    private struct KeySet(List<DocProperty> properties)
    {
        private const int IndexFrom = 16;
        private Dictionary<string, DocScalar>? _index;

        /// <summary>The key already in the mapping with this text, or null.</summary>
        public readonly DocScalar? Find(string key)
        {
            if (_index is not null)
            {
                return _index.GetValueOrDefault(key);
            }

            foreach (var property in properties)
            {
                if (string.Equals(property.Key.Value, key, StringComparison.Ordinal))
                {
                    return property.Key;
                }
            }

            return null;
        }

        /// <summary>Adds a property whose key is not in the mapping yet; false (nothing added) when it is.</summary>
        public bool TryAdd(DocProperty property)
        {
            if (Find(property.Key.Value) is not null)
            {
                return false;
            }

            properties.Add(property);
            if (_index is not null)
            {
                _index.Add(property.Key.Value, property.Key);
            }
            else if (properties.Count >= IndexFrom)
            {
                _index = new Dictionary<string, DocScalar>(StringComparer.Ordinal);
                foreach (var p in properties)
                {
                    _index.Add(p.Key.Value, p.Key);
                }
            }

            return true;
        }
    }

    private sealed class LimitException(SourceSpan span, string message) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }

    /// <summary>The node an anchor names and its size in nodes (a class: a tuple value would be JIT-compiled at run time).</summary>
    private sealed record Anchored(DocNode Node, int Size);

    private sealed class Builder(SourceText text, LoadLimits limits, List<SourceComment> comments, List<LoadDiagnostic> diagnostics)
    {
        private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
        private IParser _parser = null!;
        private int _expandedNodes;

        // Where the value parsed last ends in the source: for an alias, the alias itself, not its anchored node.
        private int _valueEnd;

        // The flow collections ('[' or '{') opened and not yet closed, innermost last, to locate a parser failure.
        private readonly Stack<FlowStart> _openFlow = new();

        /// <summary>The start of the last event read, for errors that carry no position.</summary>
        public int LastOffset { get; private set; }

        /// <summary>The innermost unclosed flow collection when an error sits at the end of the text (only whitespace follows).</summary>
        public (int Offset, string Message)? UnclosedFlowAtEnd(int errorOffset) =>
            _openFlow.Count > 0 && text.Text.AsSpan(Math.Min(errorOffset, text.Text.Length)).IsWhiteSpace() ? FailurePoint() : null;

        /// <summary>Where and why the parser failed without a <see cref="YamlException"/>.</summary>
        public (int Offset, string Message) FailurePoint() => _openFlow.Count > 0
            ? (_openFlow.Peek().Offset, $"YAML syntax error: this '{_openFlow.Peek().Bracket}' is never closed")
            : (LastOffset, "YAML syntax error: the YAML parser could not read past this point");

        public DocNode? Build()
        {
            using var reader = new StringReader(text.Text);
            _parser = new Parser(new Scanner(reader, skipComments: false));
            Expect<StreamStart>();
            DocNode? root = null;
            var documents = 0;
            while (!AtStreamEnd())
            {
                var start = Expect<DocumentStart>();
                documents++;
                if (documents == 2)
                {
                    diagnostics.Add(new LoadDiagnostic(Span(start), "a file holds one document; this second YAML document is ignored"));
                }

                var node = Accept<DocumentEnd>() ? null : ParseNode(string.Empty, 0, -1, out _);
                if (documents == 1)
                {
                    root = node;
                }

                Expect<DocumentEnd>();
            }

            return root;
        }

        private DocNode ParseNode(string path, int depth, int parentStart, out int size)
        {
            if (depth > limits.MaxDepth)
            {
                throw new LimitException(Span(Peek()), $"nesting deeper than {limits.MaxDepth} levels; the file was not parsed");
            }

            var current = Peek();
            switch (current)
            {
                case AnchorAlias alias:
                    Next();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new LimitException(Span(alias), $"alias *{alias.Value.Value} refers to no anchor");
                    }

                    Count(target.Size, alias);
                    size = target.Size;
                    _valueEnd = ToOffset(alias.End);
                    return target.Node;

                case Scalar scalar:
                {
                    Next();
                    Count(1, scalar);
                    var node = MakeScalar(scalar, path);
                    Remember(scalar.Anchor, node, 1);
                    size = 1;
                    _valueEnd = node.Span.EndOffset;
                    return node;
                }

                case SequenceStart sequenceStart:
                    return ParseSequence(sequenceStart, path, depth, out size);

                case MappingStart mappingStart:
                    return ParseMapping(mappingStart, path, depth, parentStart, out size);

                default:
                    throw new LimitException(Span(current), $"unexpected YAML event {current.GetType().Name}");
            }
        }

        private DocSequence ParseSequence(SequenceStart sequenceStart, string path, int depth, out int size)
        {
            var start = ToOffset(sequenceStart.Start);
            OpenFlow(sequenceStart.Style == SequenceStyle.Flow, start, '[');
            Next();
            Count(1, sequenceStart);
            var items = new List<DocNode>();
            size = 1;
            var last = ToOffset(sequenceStart.End);
            while (Peek() is not SequenceEnd)
            {
                var item = ParseNode(SharedStrings.Child(path, items.Count.ToString(CultureInfo.InvariantCulture)), depth + 1, start, out var itemSize);
                items.Add(item);
                last = Math.Max(last, _valueEnd);
                size += itemSize;
            }

            var end = Expect<SequenceEnd>();
            CloseFlow(sequenceStart.Style == SequenceStyle.Flow);
            var endOffset = sequenceStart.Style == SequenceStyle.Flow ? FlowEnd(end, ']', last) : last;
            var node = new DocSequence(text.Span(start, endOffset), path, items);
            _valueEnd = endOffset;
            Remember(sequenceStart.Anchor, node, size);
            return node;
        }

        private DocMapping ParseMapping(MappingStart mappingStart, string path, int depth, int parentStart, out int size)
        {
            var start = ToOffset(mappingStart.Start);
            OpenFlow(mappingStart.Style == MappingStyle.Flow, start, '{');
            Next();
            Count(1, mappingStart);
            var properties = RentProperties();
            var seen = new KeySet(properties);
            int? firstKey = null;
            size = 1;
            var last = ToOffset(mappingStart.End);
            List<DocMapping>? merges = null;
            while (Peek() is not MappingEnd)
            {
                var keyEvent = Peek();
                if (keyEvent is not Scalar keyScalar)
                {
                    throw new LimitException(Span(keyEvent), "only plain string keys are supported here");
                }

                Next();
                var key = MakeScalar(keyScalar, SharedStrings.Child(path, DocNode.Escape(keyScalar.Value)));
                firstKey ??= key.Span.StartOffset;
                var value = ParseNode(key.Path, depth + 1, start, out var valueSize);
                size += valueSize + 1;
                last = Math.Max(last, Math.Max(key.Span.EndOffset, _valueEnd));
                AddProperty(keyScalar, key, value, ref seen, ref merges);
            }

            // Merge keys (<<: *anchor): keys written in the mapping win, then the merged mappings in order.
            foreach (var merged in merges ?? [])
            {
                foreach (var p in merged.Properties)
                {
                    seen.TryAdd(p);
                }
            }

            var end = Expect<MappingEnd>();
            CloseFlow(mappingStart.Style == MappingStyle.Flow);
            var endOffset = mappingStart.Style == MappingStyle.Flow ? FlowEnd(end, '}', last) : last;
            if (mappingStart.Style == MappingStyle.Flow && start <= parentStart && firstKey is { } implicitStart)
            {
                // An implicit single-pair mapping in a flow sequence ([a: b]) has no start mark of its own.
                start = implicitStart;
            }

            var node = new DocMapping(text.Span(start, endOffset), path, properties);
            ReturnProperties(properties);
            _valueEnd = endOffset;
            Remember(mappingStart.Anchor, node, size);
            return node;
        }

        /// <summary>Adds one key and value to a mapping being built: a merge key's sources are kept for later, a duplicate is a diagnostic.</summary>
        private void AddProperty(Scalar keyScalar, DocScalar key, DocNode value, ref KeySet seen, ref List<DocMapping>? merges)
        {
            if (IsMergeKey(keyScalar) && MergeSources(value) is { } sources)
            {
                (merges ??= []).AddRange(sources);
                return;
            }

            if (seen.Find(key.Value) is { } first)
            {
                diagnostics.Add(new LoadDiagnostic(key.Span, $"duplicate key '{key.Value}' (first defined at line {first.Span.StartLine})"));
                return;
            }

            value.Key ??= key;
            seen.TryAdd(new DocProperty(key, value));
        }

        // The property lists of the mappings being built, one per nesting level in use: DocMapping copies a list
        // into an exact array, so a list is reused by the next mapping instead of being garbage.
        private readonly Stack<List<DocProperty>> _propertyLists = new();

        private List<DocProperty> RentProperties() => _propertyLists.TryPop(out var list) ? list : [];

        private void ReturnProperties(List<DocProperty> list)
        {
            list.Clear();
            _propertyLists.Push(list);
        }

        private DocScalar MakeScalar(Scalar scalar, string path)
        {
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            var kind = ScalarKind.String;
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            if (tag is "tag:yaml.org,2002:str")
            {
                quoted = true;
            }
            else if (!quoted)
            {
                kind = scalar.Value switch
                {
                    "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
                    "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
                    _ when NumberPattern().IsMatch(scalar.Value) => ScalarKind.Number,
                    _ => ScalarKind.String,
                };
            }

            var value = kind == ScalarKind.Null ? string.Empty : scalar.Value;
            var start = ToOffset(scalar.Start);
            var end = ToOffset(scalar.End);
            if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                // YamlDotNet ends a block scalar after its last line break (and any kept blank lines): the value ends
                // at its last content character, so that spans and fixes stay on the value's own lines.
                while (end > start + 1 && char.IsWhiteSpace(text.Text[end - 1]))
                {
                    end--;
                }
            }

            return new DocScalar(text.Span(start, end), path, value, kind, quoted);
        }

        private void OpenFlow(bool flow, int start, char bracket)
        {
            if (flow)
            {
                // An implicit pair mapping ([a: b]) has no bracket; point at the enclosing one.
                var at = start < text.Text.Length && text.Text[start] == bracket ? start : _openFlow.Count > 0 ? _openFlow.Peek().Offset : start;
                _openFlow.Push(new FlowStart(at, at < text.Text.Length ? text.Text[at] : bracket));
            }
        }

        private void CloseFlow(bool flow)
        {
            if (flow && _openFlow.Count > 0)
            {
                _openFlow.Pop();
            }
        }

        // A class, not a tuple: a stack of it shares the framework's precompiled code (no JIT at start-up under ReadyToRun).
        private sealed record FlowStart(int Offset, char Bracket);

        private static bool IsMergeKey(Scalar key) => key is { Style: ScalarStyle.Plain, Value: "<<" } && key.Tag.IsEmpty;

        private static IReadOnlyList<DocMapping>? MergeSources(DocNode value) => value switch
        {
            DocMapping mapping => [mapping],
            DocSequence { Items.Count: > 0 } sequence when sequence.Items.All(i => i is DocMapping) => [.. sequence.Items.Cast<DocMapping>()],
            _ => null,
        };

        // A flow collection's end event sits on its closing bracket, without covering it. An implicit single-pair
        // mapping inside a flow sequence ([a: b]) has no bracket of its own and ends at its last child.
        private int FlowEnd(ParsingEvent end, char bracket, int last)
        {
            var at = ToOffset(end.Start);
            return at < text.Text.Length && text.Text[at] == bracket ? at + 1 : last;
        }

        private void Remember(AnchorName anchor, DocNode node, int size)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = new Anchored(node, size);
            }
        }

        private void Count(int nodes, ParsingEvent at)
        {
            _expandedNodes += nodes;
            if (_expandedNodes > limits.MaxNodes)
            {
                throw new LimitException(Span(at), $"more than {limits.MaxNodes} nodes once aliases are expanded; the file was not parsed (alias bomb?)");
            }
        }

        private SourceSpan Span(ParsingEvent e) => Span(e.Start, e.End);

        private SourceSpan Span(Mark start, Mark end) => text.Span(ToOffset(start), ToOffset(end));

        private int ToOffset(Mark mark) => (int)Math.Min(mark.Index, text.Text.Length);

        private ParsingEvent Peek()
        {
            while (true)
            {
                var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
                LastOffset = ToOffset(current.Start);
                if (current is Comment comment)
                {
                    comments.Add(new SourceComment(Span(comment), comment.Value));
                    _parser.MoveNext();
                    continue;
                }

                return current;
            }
        }

        private void Next() => _parser.MoveNext();

        // YamlDotNet ends a stream that holds only comments without a StreamEnd event.
        private bool AtStreamEnd()
        {
            while (_parser.Current is Comment comment)
            {
                comments.Add(new SourceComment(Span(comment), comment.Value));
                _parser.MoveNext();
            }

            return _parser.Current is null or StreamEnd;
        }

        private bool Accept<T>()
            where T : ParsingEvent
        {
            if (_parser.Current is null)
            {
                _parser.MoveNext();
            }

            return Peek() is T;
        }

        private T Expect<T>()
            where T : ParsingEvent
        {
            if (_parser.Current is null)
            {
                _parser.MoveNext();
            }

            var current = Peek();
            if (current is not T typed)
            {
                throw new LimitException(Span(current), $"YAML syntax error: expected {typeof(T).Name}, found {current.GetType().Name}");
            }

            _parser.MoveNext();
            return typed;
        }
    }
}
