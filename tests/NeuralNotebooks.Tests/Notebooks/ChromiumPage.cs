using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NeuralNotebooks.Tests.Notebooks;

/// <summary>
/// A page open in Debian's headless Chromium, driven the way a user drives it, over the DevTools protocol on a
/// local port: run JavaScript in it, press, move and release the mouse at points of the page.
/// </summary>
public sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly Process _chromium;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket;
    private int _lastId;

    private ChromiumPage(Process chromium, DirectoryInfo profile, ClientWebSocket socket) => (_chromium, _profile, _socket) = (chromium, profile, socket);

    /// <summary>Opens the HTML file in a window of the given size and waits until it has loaded.</summary>
    public static async Task<ChromiumPage> OpenAsync(string htmlFile, int width = 1200, int height = 1000)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-devtools-");
        var start = new ProcessStartInfo(Chromium.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0",
            $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        var chromium = Process.Start(start)!;
        // Chromium's output is not needed, but its pipes must not fill up.
        _ = chromium.StandardOutput.ReadToEndAsync();
        _ = chromium.StandardError.ReadToEndAsync();
        try
        {
            var port = await DevToolsPortAsync(profile);
            using var http = new HttpClient { Timeout = Patience };
            var targets = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list")).RootElement;
            var page = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
            var opened = new ChromiumPage(chromium, profile, socket);
            await opened.WaitUntilAsync("document.readyState === 'complete'");
            return opened;
        }
        catch
        {
            chromium.Kill(entireProcessTree: true);
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>The value of a JavaScript expression (awaited when it is a promise), as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var response = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (response.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"JavaScript failed: {exception}\n{expression}");
        }
        return response.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Waits until the JavaScript condition holds, checking every 50 ms.</summary>
    /// <exception cref="TimeoutException">It did not hold within two minutes.</exception>
    public async Task WaitUntilAsync(string condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!(await EvaluateAsync($"!!({condition})")).GetBoolean())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still false after {Patience.TotalSeconds} s: {condition}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Presses the left mouse button at one point, moves it to another in steps, and releases it there.</summary>
    public async Task DragAsync((double X, double Y) from, (double X, double Y) to, int steps = 10)
    {
        await MouseAsync("mouseMoved", from);
        await MouseAsync("mousePressed", from);
        for (var i = 1; i <= steps; i++)
        {
            await MouseAsync("mouseMoved", (from.X + (to.X - from.X) * i / steps, from.Y + (to.Y - from.Y) * i / steps));
        }
        await MouseAsync("mouseReleased", to);
    }

    /// <summary>Clicks (presses and releases the left mouse button) at a point.</summary>
    public async Task ClickAsync((double X, double Y) at)
    {
        await MouseAsync("mouseMoved", at);
        await MouseAsync("mousePressed", at);
        await MouseAsync("mouseReleased", at);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_chromium.HasExited)
        {
            _chromium.Kill(entireProcessTree: true);
            await _chromium.WaitForExitAsync();
        }
        _chromium.Dispose();
        _profile.Delete(recursive: true);
    }

    private Task MouseAsync(string type, (double X, double Y) at) =>
        SendAsync("Input.dispatchMouseEvent", new { type, x = at.X, y = at.Y, button = type == "mouseMoved" ? "none" : "left", buttons = type == "mousePressed" ? 1 : 0, clickCount = 1 });

    /// <summary>Sends one command and returns its result, skipping the events that arrive meanwhile.</summary>
    private async Task<JsonElement> SendAsync(string method, object parameters)
    {
        var id = ++_lastId;
        var command = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(command, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            var message = JsonDocument.Parse(await ReceiveAsync(timeout.Token)).RootElement;
            if (message.TryGetProperty("id", out var answered) && answered.GetInt32() == id)
            {
                return message.TryGetProperty("error", out var error)
                    ? throw new InvalidOperationException($"{method} failed: {error}")
                    : message.GetProperty("result").Clone();
            }
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult part;
        do
        {
            part = await _socket.ReceiveAsync(buffer, cancellation);
            message.Write(buffer, 0, part.Count);
        }
        while (!part.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    /// <summary>The port Chromium chose, from the file it writes into its profile once it listens.</summary>
    private static async Task<int> DevToolsPortAsync(DirectoryInfo profile)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Chromium wrote no {file} within {Patience.TotalSeconds} s.");
    }
}
