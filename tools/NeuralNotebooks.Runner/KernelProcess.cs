using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace NeuralNotebooks.Runner;

/// <summary>
/// The stock .NET Interactive kernel, the process VS Code starts (<c>dotnet tool run dotnet-interactive -- stdio</c>,
/// pinned in .config/dotnet-tools.json), spoken to over its stdio protocol with the package's own envelope types.
/// It runs without HTTP, so it listens on no network interface.
/// </summary>
/// <remarks>
/// <c>dotnet tool run</c> starts the kernel as a child process of its own, so stopping the kernel means stopping that whole
/// process tree; a kernel whose standard input closes does not exit but spins. Every kernel is stopped when it is disposed,
/// and any still running when this process exits (Ctrl-C, SIGTERM, or a return from Main) is stopped then.
/// <para>
/// Why not Microsoft.DotNet.Interactive's own <c>StdIoKernelConnector</c>: tried against the pinned tool, its proxy kernel never
/// answered a submission outside a composite kernel host; it notices the process dying only before the kernel is ready (an
/// in-flight command then waits for ever); it keeps the process's standard error to itself; it cannot add environment
/// variables; and it joins the arguments with spaces, unquoted.
/// </para>
/// </remarks>
public sealed class KernelProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<KernelProcess, bool> Running = new();
    private readonly Process _process;
    private readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>();
    private readonly StringBuilder _standardError = new();
    private int _submissions;

    static KernelProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var kernel in Running.Keys)
        {
            kernel.Stop();
        }
    };

    private KernelProcess(Process process)
    {
        _process = process;
        Running[this] = true;
    }

    /// <summary>The id of the process this class started: <c>dotnet tool run</c>, whose child is the kernel.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the kernel wrote to its own standard error (its crashes show here).</summary>
    public string StandardError
    {
        get { lock (_standardError) { return _standardError.ToString(); } }
    }

    /// <summary>
    /// Starts the kernel with <paramref name="workingDirectory"/> as its working directory (a notebook's folder,
    /// as VS Code and Jupyter do) and waits until it is ready.
    /// </summary>
    /// <param name="repositoryRoot">The folder whose .config/dotnet-tools.json pins the kernel.</param>
    /// <param name="workingDirectory">The kernel's working directory.</param>
    /// <param name="environment">Extra environment variables for the kernel process.</param>
    /// <param name="timeout">How long to wait for the kernel to be ready.</param>
    /// <param name="cancellation">Stops the kernel and the wait.</param>
    /// <exception cref="KernelException">The kernel exited or was not ready in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (the kernel is stopped).</exception>
    public static async Task<KernelProcess> StartAsync(
        string repositoryRoot, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null,
        CancellationToken cancellation = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { "tool", "run", "dotnet-interactive", "--", "stdio", "--working-dir", Path.GetFullPath(workingDirectory) })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var kernel = new KernelProcess(Process.Start(start) ?? throw new KernelException("The kernel process did not start."));
        try
        {
            kernel.StartReading();
            await kernel.WaitForAsync(e => e is KernelReady, timeout ?? TimeSpan.FromSeconds(60), "the kernel's start", cancellation).ConfigureAwait(false);
            return kernel;
        }
        catch
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Submits one C# cell and collects everything it produces until the kernel's verdict. A cell that outlives
    /// <paramref name="timeout"/>, or whose kernel dies, fails with a message that says so (the kernel is then of no
    /// further use: dispose it).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public async Task<CellResult> SubmitAsync(string code, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var token = $"cell{Interlocked.Increment(ref _submissions)}";
        var command = new SubmitCode(code, "csharp");
        command.SetToken(token);
        var clock = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(KernelCommandEnvelope.Serialize(command)).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);

        var outputs = new List<CellOutput>();
        var diagnostics = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        while (true)
        {
            KernelEvent e;
            try
            {
                e = await NextEventAsync(deadline.Token, timeout, "the cell", cancellation).ConfigureAwait(false);
            }
            catch (KernelException failure) when (!cancellation.IsCancellationRequested)
            {
                return new CellResult(false, failure.Message, outputs, clock.Elapsed);
            }
            if (!BelongsTo(e, token))
            {
                continue;
            }
            switch (e)
            {
                case CommandSucceeded when IsRoot(e, token):
                    return new CellResult(true, null, outputs, clock.Elapsed);
                case CommandFailed failed when IsRoot(e, token):
                    // Some kernels put the diagnostics in the message, others only say "compilation error".
                    var missing = diagnostics.Where(d => !failed.Message.Contains(d, StringComparison.Ordinal)).Distinct().ToList();
                    var message = missing.Count > 0 ? $"{failed.Message}\n{string.Join("\n", missing)}" : failed.Message;
                    return new CellResult(false, message, outputs, clock.Elapsed);
                case DiagnosticsProduced produced:
                    diagnostics.AddRange(produced.FormattedDiagnostics.Select(d => d.Value).Where(d => d.Contains("error", StringComparison.Ordinal)));
                    break;
                case DisplayedValueUpdated updated:
                    var index = outputs.FindLastIndex(o => o.DisplayId == updated.ValueId);
                    if (index >= 0)
                    {
                        outputs[index] = outputs[index] with { Values = updated.FormattedValues.ToList(), Updates = outputs[index].Updates + 1 };
                    }
                    break;
                case StandardOutputValueProduced stdout:
                    outputs.Add(new CellOutput(OutputKind.StandardOutput, stdout.FormattedValues.ToList()));
                    break;
                case StandardErrorValueProduced stderr:
                    outputs.Add(new CellOutput(OutputKind.StandardError, stderr.FormattedValues.ToList()));
                    break;
                case ReturnValueProduced returned:
                    outputs.Add(new CellOutput(OutputKind.ReturnValue, returned.FormattedValues.ToList(), returned.ValueId));
                    break;
                case DisplayedValueProduced displayed:
                    outputs.Add(new CellOutput(OutputKind.Display, displayed.FormattedValues.ToList(), displayed.ValueId));
                    break;
            }
        }
    }

    /// <summary>Stops the kernel's whole process tree and waits for it to end (the kernel too, not only the tool runner).</summary>
    public async ValueTask DisposeAsync()
    {
        var tree = ProcessTree.Below(_process.Id);
        Stop();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or killed and not yet reaped: nothing more to wait for.
        }
        await ProcessTree.WaitUntilGoneAsync(tree, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    /// <summary>Kills the tool runner and the kernel it started; a no-op when they are gone.</summary>
    private void Stop()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited.
        }
    }

    private void StartReading()
    {
        _ = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (TryDeserialize(line) is { } kernelEvent)
                {
                    await _events.Writer.WriteAsync(kernelEvent).ConfigureAwait(false);
                }
            }
            _events.Writer.TryComplete();
        });
        _ = Task.Run(async () =>
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_standardError)
                {
                    _standardError.AppendLine(line);
                }
            }
        });
    }

    private static KernelEvent? TryDeserialize(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }
        try
        {
            return KernelEventEnvelope.Deserialize(line).Event;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return null; // a command envelope or an event type this client does not know
        }
    }

    private async Task WaitForAsync(Func<KernelEvent, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        while (!predicate(await NextEventAsync(deadline.Token, timeout, what, cancellation).ConfigureAwait(false)))
        {
        }
    }

    /// <summary>
    /// The next event; past <paramref name="deadline"/> (<paramref name="limit"/> after <paramref name="what"/> began), a
    /// <see cref="KernelException"/> saying so, unless <paramref name="cancellation"/> (which the deadline includes) ended the wait.
    /// </summary>
    private async Task<KernelEvent> NextEventAsync(CancellationToken deadline, TimeSpan limit, string what, CancellationToken cancellation)
    {
        try
        {
            if (await _events.Reader.WaitToReadAsync(deadline).ConfigureAwait(false) && _events.Reader.TryRead(out var e))
            {
                return e;
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new KernelException(string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(what[0])}{what[1..]} did not finish within {limit.TotalSeconds:0.#} s."));
        }
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        throw new KernelException($"The kernel process exited (exit code {_process.ExitCode}) during {what}.{LastWords(StandardError)}");
    }

    /// <summary>The last line the kernel wrote to standard error before it died, which is usually why.</summary>
    private static string LastWords(string standardError) =>
        standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [.., var last] ? $" Its last words: {last}" : "";

    private static string? TokenOf(KernelEvent e) => e.Command?.GetOrCreateToken();

    private static bool IsRoot(KernelEvent e, string token) => TokenOf(e) == token;

    private static bool BelongsTo(KernelEvent e, string token) =>
        TokenOf(e) is { } t && (t == token || t.StartsWith(token + ".", StringComparison.Ordinal));
}

/// <summary>The kernel process itself failed: it did not start, died, or stopped answering.</summary>
public sealed class KernelException(string message) : Exception(message);
