using Fer.WebDemo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Fer.WebDemo.Tests;

/// <summary>The demo app listening on a free loopback port (real Kestrel sockets), stopped on dispose.</summary>
internal sealed class RunningDemo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningDemo(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RunningDemo> StartAsync(params string[] settings)
    {
        var app = WebDemoApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningDemo(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
