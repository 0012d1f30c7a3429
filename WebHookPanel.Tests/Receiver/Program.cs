using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

// The benchmark's receiver: answers 200 to every POST on 127.0.0.1 and notes when each arrived, by the
// Stopwatch clock, which on Linux is the machine-wide monotonic clock and so comparable with the parent's.
// GET /arrivals hands over what arrived since the last call as "seq timestamp" lines. The process stops when
// its standard input closes, so it never outlives the benchmark that started it.
var arrivals = new ConcurrentQueue<(long Seq, long At)>();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
var app = builder.Build();

app.MapPost("/{**path}", (HttpRequest request) =>
{
    var at = Stopwatch.GetTimestamp();
    var seq = long.TryParse(request.Query["seq"], CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
    arrivals.Enqueue((seq, at));

    return Results.Ok();
});

app.MapGet("/arrivals", () =>
{
    var text = new StringBuilder();
    while (arrivals.TryDequeue(out var arrival))
    {
        text.Append(CultureInfo.InvariantCulture, $"{arrival.Seq} {arrival.At}\n");
    }

    return Results.Text(text.ToString());
});

await app.StartAsync();

var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
Console.WriteLine($"listening {addresses.Addresses.Single()}");

await Console.In.ReadToEndAsync();
await app.StopAsync();
