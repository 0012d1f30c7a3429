using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Receiver;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Signing;

/// <summary>
/// The hook page's verification snippets against a real request signed during a rotation (two signatures, the
/// current secret's first): the C# one compiled into this assembly from the very file the page shows, the Node and
/// Python ones run by their interpreters.
/// </summary>
public sealed class VerificationSnippetTests : IAsyncLifetime
{
    private const string NodeHarness = """
        const { verify } = require(process.argv[1]);
        const body = require("node:fs").readFileSync(process.argv[2], "utf8");
        const env = process.env;
        process.stdout.write(String(verify(env.SECRET, env.ID, env.TS, body, env.SIG)));
        """;

    private const string PythonHarness = """
        import importlib.util, os, sys
        spec = importlib.util.spec_from_file_location("snippet", sys.argv[1])
        snippet = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(snippet)
        with open(sys.argv[2], encoding="utf-8", newline="") as file:
            body = file.read()
        env = os.environ
        print(str(snippet.verify(env["SECRET"], env["ID"], env["TS"], body, env["SIG"])).lower(), end="")
        """;

    private DispatchHost _host = null!;
    private ReceivedRequest _received = null!;
    private string _oldSecret = "";
    private string _newSecret = "";

    public async ValueTask InitializeAsync()
    {
        _host = await DispatchHost.StartAsync();
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Signing.Enabled = true;
        hook.Parameters.Add(new FieldRow { Key = "city", Source = ValueSource.Fixed, Value = "İzmir \"kış\"\r\n" });
        var hookId = await _host.CreateHookAsync(hook);
        var keys = _host.Factory.Services.GetRequiredService<SigningKeyStore>();
        _oldSecret = await keys.CurrentAsync(hookId, Token);
        await keys.RotateAsync(hookId, _ => { }, Token);
        _newSecret = await keys.CurrentAsync(hookId, Token);
        await _host.TestSendAsync(hookId, "snippet");
        _received = _host.Receiver.Requests.Single();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void CSharpSnippet_EitherSecretDuringRotation_Verifies()
    {
        Assert.Equal(2, Signatures.Split(' ').Length);

        Assert.True(WebhookVerifier.Verify(_newSecret, Id, Timestamp, _received.Body, Signatures));
        Assert.True(WebhookVerifier.Verify(_oldSecret, Id, Timestamp, _received.Body, Signatures));
        Assert.False(WebhookVerifier.Verify(_newSecret, Id, Timestamp, _received.Body + " ", Signatures));
        Assert.False(WebhookVerifier.Verify(SigningSecret.Generate(), Id, Timestamp, _received.Body, Signatures));
        Assert.False(WebhookVerifier.Verify(_newSecret, Id, "1614265330", _received.Body, Signatures));
    }

    [Fact]
    public async Task CSharpSnippet_IsWhatThePageShows()
    {
        var file = Path.Combine(RepositoryRoot(), "WebHookPanel", "Signing", "Snippets", "WebhookVerifier.cs");

        var text = await File.ReadAllTextAsync(file, Token);

        Assert.Equal(text.TrimEnd(), VerificationSnippets.CSharp);
    }

    [Theory]
    [InlineData("node")]
    [InlineData("python3")]
    public async Task ScriptSnippet_EitherSecretDuringRotation_Verifies(string interpreter)
    {
        Assert.SkipUnless(OnPath(interpreter), $"{interpreter} is needed to run its snippet");

        Assert.Equal("true", await RunAsync(interpreter, _newSecret, _received.Content));
        Assert.Equal("true", await RunAsync(interpreter, _oldSecret, _received.Content));
        Assert.Equal("false", await RunAsync(interpreter, _newSecret, [.. _received.Content, (byte)' ']));
        Assert.Equal("false", await RunAsync(interpreter, SigningSecret.Generate(), _received.Content));
    }

    private string Id => _received.Header(RequestSigner.IdHeader)!;

    private string Timestamp => _received.Header(RequestSigner.TimestampHeader)!;

    private string Signatures => _received.Header(RequestSigner.SignatureHeader)!;

    private async Task<string> RunAsync(string interpreter, string secret, byte[] body)
    {
        var folder = Directory.CreateTempSubdirectory("webhookpanel-snippet-");
        try
        {
            var (snippet, harness, flag) = interpreter == "node"
                ? ("verify.js", NodeHarness, "-e")
                : ("verify.py", PythonHarness, "-c");
            var snippetPath = Path.Combine(folder.FullName, snippet);
            var bodyPath = Path.Combine(folder.FullName, "body");
            await File.WriteAllTextAsync(
                snippetPath,
                interpreter == "node" ? VerificationSnippets.Node : VerificationSnippets.Python,
                Token);
            await File.WriteAllBytesAsync(bodyPath, body, Token);
            var start = new ProcessStartInfo(interpreter, [flag, harness, snippetPath, bodyPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["SECRET"] = secret, ["ID"] = Id, ["TS"] = Timestamp, ["SIG"] = Signatures },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(Token);
            var errors = process.StandardError.ReadToEndAsync(Token);
            await process.WaitForExitAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token);
            Assert.True(process.ExitCode == 0, await errors);

            return await output;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebHookPanel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
