using WebHookPanel.Api;
using WebHookPanel.Components;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPanelUi();
builder.Services.AddPanelData();
builder.Services.AddWebHooks();
builder.Services.AddDispatching();
builder.Services.AddPanelApi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// API callers get their status codes as they are: re-executing a 401 to the page would answer a POST with 400.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPanelApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
