using System.Buffers.Binary;
using System.IO.Abstractions;
using System.Security.Cryptography;
using System.Text;

namespace ScimLint.Engine;

/// <summary>
/// Compiled custom rules on disk: one file per key (<c>custom-rules/KEY.bin</c> under the cache directory) holding a
/// magic line, the SHA-256 of the rest, the assembly's length, the assembly and its XML documentation. Written
/// atomically (<see cref="AtomicFile"/>); an entry that is truncated, altered or unreadable is a miss (the rules are
/// compiled again and the entry replaced), never an error. A cache that cannot be written costs the next run a compile.
/// </summary>
internal sealed class CustomRuleCache(IFileSystem fs, string directory)
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("scimlint-custom-rules/1\n");

    /// <summary>The entry's path for a key.</summary>
    public string PathOf(string key) => fs.Path.Combine(directory, "custom-rules", key + ".bin");

    /// <summary>The assembly and documentation of a key, or null (with the reason) when there is no sound entry.</summary>
    public (byte[] Image, byte[] Documentation)? TryRead(string key, out string? problem)
    {
        problem = null;
        var path = PathOf(key);
        byte[] bytes;
        try
        {
            if (!fs.File.Exists(path))
            {
                return null;
            }

            bytes = fs.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {ex.Message}";
            return null;
        }

        var header = Magic.Length + 32 + 4;
        if (bytes.Length < header || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(Magic.Length + 32)).AsSpan().SequenceEqual(bytes.AsSpan(Magic.Length, 32)))
        {
            problem = $"{path} is damaged; compiling again";
            return null;
        }

        var imageLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 32, 4));
        if (imageLength <= 0 || imageLength > bytes.Length - header)
        {
            problem = $"{path} is damaged; compiling again";
            return null;
        }

        return (bytes.AsSpan(header, imageLength).ToArray(), bytes.AsSpan(header + imageLength).ToArray());
    }

    /// <summary>Stores an entry; returns the problem when it could not be written (the run goes on).</summary>
    public string? Write(string key, byte[] image, byte[] documentation)
    {
        var payload = new byte[4 + image.Length + documentation.Length];
        BinaryPrimitives.WriteInt32LittleEndian(payload, image.Length);
        image.CopyTo(payload, 4);
        documentation.CopyTo(payload, 4 + image.Length);
        var entry = new byte[Magic.Length + 32 + payload.Length];
        Magic.CopyTo(entry, 0);
        SHA256.HashData(payload).CopyTo(entry, Magic.Length);
        payload.CopyTo(entry, Magic.Length + 32);
        var path = PathOf(key);
        try
        {
            fs.Directory.CreateDirectory(fs.Path.GetDirectoryName(path)!);
            AtomicFile.Write(fs, path, entry);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LintUsageException)
        {
            return $"cannot write the cache entry {path}: {ex.Message}";
        }
    }
}
