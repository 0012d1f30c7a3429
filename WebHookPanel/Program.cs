using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.ApiKeys;
using WebHookPanel.Audit;
using WebHookPanel.Components;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPanelUi();
builder.Services.AddPanelData();
builder.Services.AddPanelAccounts();
builder.Services.AddApiKeys();
builder.Services.AddAuditLog();
builder.Services.AddWebHooks();
builder.Services.AddDispatching();
builder.Services.AddPanelApi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// Pages get the not-found page; API calls get problem details written further in, which this then leaves alone.
// (Re-executing inside a branch would miss routing, which has already run.)
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiProblems();
app.UseFirstRunGate();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseStaleFormRefusal();

app.MapStaticAssets();
app.MapPanelApi();
app.MapPanelAccounts();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
