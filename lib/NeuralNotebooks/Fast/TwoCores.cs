namespace NeuralNotebooks.Fast;

/// <summary>
/// Runs a piece of work on two cores, the caller's thread and one helper thread kept for the purpose, without
/// allocating per call (Parallel.For allocates, which would show in the benchmark's bytes per epoch).
/// </summary>
internal sealed class TwoCores : IDisposable
{
    private readonly Thread _helper;
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private Action<int>? _work;
    private Exception? _failure;
    private volatile bool _stopping;

    public TwoCores()
    {
        _helper = new Thread(Loop) { IsBackground = true, Name = "NeuralNotebooks helper" };
        _helper.Start();
    }

    /// <summary>Calls <paramref name="work"/>(0) here and <paramref name="work"/>(1) on the helper, and returns when both are done.</summary>
    public void Run(Action<int> work)
    {
        _work = work;
        _start.Release();
        Exception? mine = null;
        try
        {
            work(0);
        }
        catch (Exception e)
        {
            mine = e;
        }
        _done.Wait();
        if ((mine ?? _failure) is { } failure)
        {
            _failure = null;
            throw new InvalidOperationException("A part of the computation failed.", failure);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _start.Release();
        _helper.Join();
        _start.Dispose();
        _done.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            if (_stopping)
            {
                return;
            }
            try
            {
                _work!(1);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            _done.Release();
        }
    }
}
