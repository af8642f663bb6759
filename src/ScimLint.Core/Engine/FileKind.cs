using System.IO.Abstractions;
using System.Runtime.InteropServices;
using System.Text;

namespace ScimLint.Engine;

/// <summary>What a path names, as far as writing to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists there.</summary>
    Missing,

    /// <summary>A regular file (after following symbolic links).</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, character or block device, socket, or a file under /dev or /proc: written directly, never replaced.</summary>
    Special,
}

/// <summary>Tells regular files from devices and FIFOs, which .NET's file APIs do not distinguish.</summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularType = 0x8000;
    private const int Socket = 0xC000;

    private static bool _nativeMissing;

    /// <summary>The kind of <paramref name="fullPath"/>, following symbolic links.</summary>
    public static FileKind Of(IFileSystem fs, string fullPath)
    {
        if (fs.Directory.Exists(fullPath))
        {
            return FileKind.Directory;
        }

        var real = fs is FileSystem && !OperatingSystem.IsWindows();
        if (real && (UnderSystemTree(fullPath) || UnderSystemTree(FinalTarget(fs, fullPath))))
        {
            return fs.File.Exists(fullPath) ? FileKind.Special : FileKind.Missing;
        }

        if (!fs.File.Exists(fullPath))
        {
            return FileKind.Missing;
        }

        if (!real || _nativeMissing)
        {
            return FileKind.Regular;
        }

        try
        {
            if (Native.SystemNative_Stat(Encoding.UTF8.GetBytes(fullPath + "\0"), out var status) != 0)
            {
                return FileKind.Regular;
            }

            return (status.Mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                Fifo or CharacterDevice or BlockDevice or Socket => FileKind.Special,
                _ => FileKind.Regular,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _nativeMissing = true;
            return FileKind.Regular;
        }
    }

    /// <summary>The path a chain of symbolic links ends at (the path itself when it is no link).</summary>
    public static string FinalTarget(IFileSystem fs, string fullPath)
    {
        try
        {
            var info = fs.FileInfo.New(fullPath);
            return info.LinkTarget is null ? fullPath : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return fullPath;
        }
    }

    private static bool UnderSystemTree(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal);

    // The runtime's own portable stat (libSystem.Native ships with every .NET on Linux and macOS). Its status record
    // starts with Flags, Mode, Uid and Gid on every version; the rest is left unread.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
    }

    private static class Native
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        public static extern int SystemNative_Stat(byte[] path, out NativeFileStatus status);
    }
}
