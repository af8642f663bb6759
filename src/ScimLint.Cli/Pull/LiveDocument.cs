using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScimLint.Cli.Pull;

/// <summary>
/// Writes the observed-state document of one application: a <c>source</c> block (<c>kind: observed</c>, the console
/// host, the app id, the API paths called and the one timestamp), then the API objects verbatim (values untouched,
/// object keys sorted), then the counts. Lists are sorted, so two pulls of an unchanged console differ only in
/// <c>source.exportedAt</c>.
/// </summary>
internal static class LiveDocument
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(PulledApp app, string consoleHost, IReadOnlyList<string> listPaths, string exportedAt)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("source");
            writer.WriteString("kind", "observed");
            writer.WriteString("tool", "scimlint pull jumpcloud");
            writer.WriteString("consoleHost", consoleHost);
            writer.WriteString("applicationId", app.Id);
            writer.WriteStartArray("paths");
            foreach (var path in listPaths.Concat(app.Paths))
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
            writer.WriteString("exportedAt", exportedAt);
            writer.WriteEndObject();

            writer.WritePropertyName("application");
            WriteSorted(writer, app.Application);

            // Group assignments first, then direct user assignments; each by target id.
            writer.WriteStartArray("associations");
            foreach (var association in Sorted(app.GroupAssociations, "to").Concat(Sorted(app.UserAssociations, "to")))
            {
                WriteSorted(writer, association);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("userGroups");
            foreach (var group in Sorted(app.UserGroups, null))
            {
                WriteSorted(writer, group);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("counts");
            writer.WriteNumber("userGroups", app.GroupAssociations.Count);
            writer.WriteNumber("directUsers", app.UserAssociations.Count);
            writer.WriteStartObject("groupMembers");
            foreach (var (id, count) in app.MemberCounts)
            {
                writer.WriteNumber(id, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Items ordered by their (<paramref name="inner"/>'s) <c>id</c>, then by their JSON text, so the order is total.</summary>
    private static IEnumerable<JsonElement> Sorted(IEnumerable<JsonElement> items, string? inner) =>
        items.OrderBy(item => Id(item, inner), StringComparer.Ordinal).ThenBy(item => item.GetRawText(), StringComparer.Ordinal);

    private static string Id(JsonElement item, string? inner)
    {
        var owner = item;
        if (inner is not null && (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(inner, out owner)))
        {
            return string.Empty;
        }

        return owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;
    }

    /// <summary>Writes a value as the API sent it, with object keys in ordinal order (arrays keep their order).</summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
