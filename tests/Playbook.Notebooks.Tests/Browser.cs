using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Playbook.Notebooks.Tests;

/// <summary>
/// Headless Chromium driven through the DevTools protocol, to look at the report as a reader does:
/// pages laid out at a window's width or printed on A4, charts drawn, the fonts that render Chinese
/// text. The network is kept quiet: the pages must not need it. The test run installs Chromium and
/// the CJK fonts when missing and it may (tests/ensure-browser.sh, run before the tests).
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    /// <summary>The one command that gives a Debian machine what these tests need.</summary>
    public const string Install = "sudo apt-get install -y chromium fonts-noto-cjk";

    // Looked up on PATH, as tests/ensure-browser.sh looks for them, so a browser the script accepts is one the tests find.
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static IEnumerable<string> Binaries =>
        from folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin")
        from name in Names
        select Path.Combine(folder, name);

    // Without the background-networking flags Chromium keeps trying hosts that this machine cannot reach.
    private static readonly string[] Flags =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--remote-debugging-port=0",
    ];

    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly ConcurrentQueue<JsonObject> events = new();
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private int nextId;

    private Browser(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Starts Chromium; throws with the command that installs it when there is none.</summary>
    public static async Task<Browser> LaunchAsync()
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"headless Chromium is needed for the report tests and none was found; the test run installs it when it runs as root or with sudo (tests/ensure-browser.sh); otherwise: {Install}");
        var profile = Path.Combine(Path.GetTempPath(), "playbook-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var flag in Flags.Append($"--user-data-dir={profile}").Append("about:blank"))
        {
            start.ArgumentList.Add(flag);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var browser = new Browser(process, profile);
        try
        {
            // Chromium writes the port it chose and the browser's socket path into the profile.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    throw new InvalidOperationException($"{binary} did not start its DevTools endpoint");
                }

                await Task.Delay(100).ConfigureAwait(false);
                try
                {
                    lines = File.Exists(portFile) ? await File.ReadAllLinesAsync(portFile).ConfigureAwait(false) : [];
                }
                catch (IOException)
                {
                    lines = [];
                }
            }

            await browser.socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None).ConfigureAwait(false);
            browser.receiving = Task.Run(browser.ReceiveAsync);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a local file in a new tab of the given window size and waits until it has loaded and its charts are drawn.</summary>
    public async Task<BrowserPage> OpenAsync(string file, int width, int height)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }).ConfigureAwait(false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string)target["targetId"]!, ["flatten"] = true }).ConfigureAwait(false);
        var page = new BrowserPage(this, (string)attached["sessionId"]!);
        await page.SendAsync("Page.enable").ConfigureAwait(false);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }).ConfigureAwait(false);
        await page.WaitAsync("document.readyState === 'complete' && [...document.querySelectorAll('.playbook-chart')].every(c => c.querySelector('.main-svg'))").ConfigureAwait(false);
        return page;
    }

    /// <summary>Sends a command (to a tab when <paramref name="session"/> is given) and returns its result.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return answer["result"] as JsonObject ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        socket.Dispose();
        process.Dispose();
        stop.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may hold a lock file for a moment; the temp folder is cleaned later.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var json = (JsonObject)JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                if (json["id"] is { } id && pending.TryRemove((int)id, out var reply))
                {
                    reply.SetResult(json);
                }
                else
                {
                    events.Enqueue(json);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            foreach (var reply in pending.Values)
            {
                reply.TrySetException(e);
            }
        }
    }
}

/// <summary>A tab of <see cref="Browser"/>.</summary>
internal sealed class BrowserPage(Browser browser, string session)
{
    public Task<JsonObject> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(method, parameters, session);

    /// <summary>The value of a JavaScript expression in the page.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } failure)
        {
            throw new InvalidOperationException($"{expression}: {failure.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>Waits until a JavaScript condition holds (30 s at most).</summary>
    public async Task WaitAsync(string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await EvaluateAsync($"Boolean({condition})").ConfigureAwait(false))!.GetValue<bool>())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the page never met: {condition}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Lays the page out as for print (or back for the screen), at a width in CSS pixels.</summary>
    public async Task MediaAsync(string media, int width, int height)
    {
        await SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media }).ConfigureAwait(false);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
        await EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))").ConfigureAwait(false);
    }

    /// <summary>Saves a PNG of the whole page.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }).ConfigureAwait(false);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!)).ConfigureAwait(false);
    }

    /// <summary>Prints the page as Chromium's print-to-PDF does, on A4 with the page's own margins; returns the PDF.</summary>
    public async Task<byte[]> PrintAsync()
    {
        var result = await SendAsync("Page.printToPDF", new JsonObject
        {
            ["paperWidth"] = 210 / 25.4,
            ["paperHeight"] = 297 / 25.4,
            ["preferCSSPageSize"] = true,
            ["printBackground"] = true,
            ["displayHeaderFooter"] = false,
        }).ConfigureAwait(false);
        return Convert.FromBase64String((string)result["data"]!);
    }

    /// <summary>The fonts the platform used to draw the text of the first element matching <paramref name="selector"/>.</summary>
    public async Task<IReadOnlyList<string>> FontsAsync(string selector)
    {
        await SendAsync("DOM.enable").ConfigureAwait(false);
        await SendAsync("CSS.enable").ConfigureAwait(false);
        var document = await SendAsync("DOM.getDocument").ConfigureAwait(false);
        var node = await SendAsync("DOM.querySelector", new JsonObject { ["nodeId"] = (int)document["root"]!["nodeId"]!, ["selector"] = selector }).ConfigureAwait(false);
        var nodeId = (int)node["nodeId"]!;
        if (nodeId == 0)
        {
            throw new InvalidOperationException($"no element matches {selector}");
        }

        var fonts = await SendAsync("CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = nodeId }).ConfigureAwait(false);
        return [.. ((JsonArray)fonts["fonts"]!).Select(f => string.Create(CultureInfo.InvariantCulture, $"{(string)f!["familyName"]!}:{(int)f["glyphCount"]!}"))];
    }
}
