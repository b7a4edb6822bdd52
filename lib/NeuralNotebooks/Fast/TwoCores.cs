using System.Diagnostics;

namespace NeuralNotebooks.Fast;

/// <summary>
/// Runs a piece of work on two cores, the caller's thread and one helper thread kept for the purpose, without
/// allocating per call (Parallel.For allocates, which would show in the bytes per batch).
/// </summary>
/// <remarks>
/// A batch hands work over twice, a few tens of microseconds apart, so between pieces the helper keeps watching for the
/// next one for up to <see cref="WatchTicks"/> before it sleeps: waking a sleeping thread costs about as much as a
/// small batch's work. Waiting for the helper to finish never sleeps for a whole scheduler tick either.
/// </remarks>
internal sealed class TwoCores : IDisposable
{
    // About a millisecond: longer than the gaps between a batch's passes, short enough to cost little after the last one.
    private static readonly long WatchTicks = Stopwatch.Frequency / 1000;

    private readonly Thread _helper;
    private readonly object _gate = new();
    private Action<int>? _work;
    private Exception? _failure;
    private int _posted;
    private int _completed;
    private bool _stopping;

    public TwoCores()
    {
        _helper = new Thread(Loop) { IsBackground = true, Name = "NeuralNotebooks helper" };
        _helper.Start();
    }

    /// <summary>Calls <paramref name="work"/>(0) here and <paramref name="work"/>(1) on the helper, and returns when both are done.</summary>
    public void Run(Action<int> work)
    {
        _work = work;
        int posted;
        lock (_gate)
        {
            posted = ++_posted;
            Monitor.Pulse(_gate);
        }
        Exception? mine = null;
        try
        {
            work(0);
        }
        catch (Exception e)
        {
            mine = e;
        }
        var wait = new SpinWait();
        while (Volatile.Read(ref _completed) != posted)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }
        if ((mine ?? _failure) is { } failure)
        {
            _failure = null;
            throw new InvalidOperationException("A part of the computation failed.", failure);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
        _helper.Join();
    }

    private void Loop()
    {
        var seen = 0;
        while (true)
        {
            var posted = WatchForWork(seen);
            if (posted == seen)
            {
                return;
            }
            seen = posted;
            try
            {
                _work!(1);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            Volatile.Write(ref _completed, seen);
        }
    }

    /// <summary>The next piece's number: watched for a while, then waited for asleep; <paramref name="seen"/> again when stopping.</summary>
    private int WatchForWork(int seen)
    {
        var until = Stopwatch.GetTimestamp() + WatchTicks;
        while (Volatile.Read(ref _posted) == seen && Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
        lock (_gate)
        {
            while (_posted == seen && !_stopping)
            {
                Monitor.Wait(_gate);
            }
            return _posted;
        }
    }
}
