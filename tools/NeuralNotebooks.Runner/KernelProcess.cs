using System.Diagnostics;
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
public sealed class KernelProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>();
    private readonly StringBuilder _standardError = new();
    private int _submissions;

    private KernelProcess(Process process) => _process = process;

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
    /// <exception cref="KernelException">The kernel exited or was not ready in time.</exception>
    public static async Task<KernelProcess> StartAsync(
        string repositoryRoot, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
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
        kernel.StartReading();
        await kernel.WaitForAsync(e => e is KernelReady, timeout ?? TimeSpan.FromSeconds(60), "to be ready").ConfigureAwait(false);
        return kernel;
    }

    /// <summary>Submits one C# cell and collects everything it produces until the kernel's verdict.</summary>
    /// <exception cref="KernelException">The kernel died or gave no verdict within <paramref name="timeout"/>.</exception>
    public async Task<CellResult> SubmitAsync(string code, TimeSpan timeout)
    {
        var token = $"cell{Interlocked.Increment(ref _submissions)}";
        var command = new SubmitCode(code, "csharp");
        command.SetToken(token);
        var clock = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync(KernelCommandEnvelope.Serialize(command)).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);

        var outputs = new List<CellOutput>();
        var diagnostics = new List<string>();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var e = await NextEventAsync(deadline.Token, $"to finish cell {token}").ConfigureAwait(false);
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

    /// <summary>Stops the kernel process.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
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

    private async Task WaitForAsync(Func<KernelEvent, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!predicate(await NextEventAsync(deadline.Token, what).ConfigureAwait(false)))
        {
        }
    }

    private async Task<KernelEvent> NextEventAsync(CancellationToken deadline, string what)
    {
        try
        {
            if (await _events.Reader.WaitToReadAsync(deadline).ConfigureAwait(false) && _events.Reader.TryRead(out var e))
            {
                return e;
            }
        }
        catch (OperationCanceledException)
        {
            throw new KernelException($"The kernel took too long {what}.{Describe(StandardError)}");
        }
        throw new KernelException($"The kernel exited while waiting {what}.{Describe(StandardError)}");
    }

    private static string Describe(string standardError) =>
        string.IsNullOrWhiteSpace(standardError) ? "" : $" Its standard error:\n{standardError.Trim()}";

    private static string? TokenOf(KernelEvent e) => e.Command?.GetOrCreateToken();

    private static bool IsRoot(KernelEvent e, string token) => TokenOf(e) == token;

    private static bool BelongsTo(KernelEvent e, string token) =>
        TokenOf(e) is { } t && (t == token || t.StartsWith(token + ".", StringComparison.Ordinal));
}

/// <summary>The kernel process itself failed: it did not start, died, or stopped answering.</summary>
public sealed class KernelException(string message) : Exception(message);
