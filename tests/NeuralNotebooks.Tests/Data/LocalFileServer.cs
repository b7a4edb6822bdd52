using System.Net;
using System.Net.Sockets;

namespace NeuralNotebooks.Tests.Data;

/// <summary>
/// A real HTTP server on 127.0.0.1 that serves fixed bytes under /files/NAME and answers 404 for anything else,
/// counting the requests it gets.
/// </summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _serving;
    private int _requests;

    public LocalFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = files;
        Source = new Uri($"http://127.0.0.1:{FreePort()}/files/");
        _listener.Prefixes.Add(Source.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The folder address the files are served under.</summary>
    public Uri Source { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>An address on which nothing listens: a server that is down.</summary>
    public static Uri Down() => new($"http://127.0.0.1:{FreePort()}/files/");

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }
            Interlocked.Increment(ref _requests);
            var name = context.Request.Url!.AbsolutePath[Source.AbsolutePath.Length..];
            using var response = context.Response;
            if (_files.TryGetValue(name, out var bytes))
            {
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
