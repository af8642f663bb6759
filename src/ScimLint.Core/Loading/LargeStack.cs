using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ScimLint.Loading;

/// <summary>
/// The threads with a large stack that C# is parsed on (<see cref="CSharpGuard"/>): started on first use, one per
/// processor (at least two), and kept for the process. Work already on one of them runs inline, so a batch of C# files
/// processed on them (<see cref="For"/>) parses each file without handing it to another thread and waiting for it;
/// that hand-off (two context switches and a spinning wait per file) was the guard's cost per file.
/// </summary>
internal static class LargeStack
{
    /// <summary>The stack of each thread: reserved, not committed, so it costs address space only.</summary>
    internal const int StackBytes = 64 * 1024 * 1024;

    private static readonly BlockingCollection<Action> Work = [];
    private static int _threads;

    [ThreadStatic]
    private static bool _onLargeStack;

    /// <summary>Whether the current thread is one of the large-stack threads.</summary>
    public static bool IsCurrent => _onLargeStack;

    /// <summary>Runs an action on a large-stack thread (inline when already on one) and waits for it; rethrows what it throws.</summary>
    public static void Run(Action action)
    {
        if (_onLargeStack)
        {
            action();
            return;
        }

        For(1, 1, _ => action());
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 on at most <paramref name="parallelism"/>
    /// large-stack threads, each taking the next index, and waits for all; rethrows the first exception by index order
    /// of the workers (the body should catch its own). Inline, in order, when already on a large-stack thread.
    /// </summary>
    public static void For(int count, int parallelism, Action<int> body)
    {
        if (_onLargeStack)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        var workers = Math.Clamp(parallelism, 1, Math.Max(1, count));
        EnsureThreads();
        var next = -1;
        var failures = new ExceptionDispatchInfo?[workers];
        using var done = new CountdownEvent(workers);
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            Work.Add(() =>
            {
                try
                {
                    for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    {
                        body(i);
                    }
                }
                catch (Exception ex)
                {
                    failures[worker] = ExceptionDispatchInfo.Capture(ex);
                    Volatile.Write(ref next, count); // the other workers stop at their next index
                }
                finally
                {
                    done.Signal();
                }
            });
        }

        done.Wait();
        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    private static void EnsureThreads()
    {
        var wanted = Math.Max(2, Environment.ProcessorCount);
        for (var started = Volatile.Read(ref _threads); started < wanted; started = Volatile.Read(ref _threads))
        {
            if (Interlocked.CompareExchange(ref _threads, started + 1, started) == started)
            {
                new Thread(Serve, StackBytes) { Name = "scimlint C# parser", IsBackground = true }.Start();
            }
        }
    }

    private static void Serve()
    {
        _onLargeStack = true;
        foreach (var work in Work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
