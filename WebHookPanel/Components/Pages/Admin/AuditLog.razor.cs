using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebHookPanel.Audit;
using WebHookPanel.Validation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>The audit log for admins, filtered and paged in the database like <c>GET /api/audit</c>.</summary>
public sealed partial class AuditLog
{
    private MudTable<AuditEntry>? _table;
    private string? _actor;
    private string? _action;
    private string? _targetType;
    private string? _targetId;
    private DateTime? _from;
    private DateTime? _to;
    private string? _search;
    private FormErrors _errors = FormErrors.None;

    [Inject]
    public required AuditStore Store { get; init; }

    [Inject]
    public required AuditQueryValidator Validator { get; init; }

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // Dates are whole UTC days, both ends included, as in the API.
    private AuditQuery Query(int page, int pageSize) => new(
        _actor,
        _action,
        _targetType,
        _targetId,
        _from is { } from ? UtcDay.Start(from) : null,
        _to is { } to ? UtcDay.End(to) : null,
        _search,
        page,
        pageSize);

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = Query(state.Page + 1, state.PageSize);
        if (!Validator.Validate(query).IsValid)
        {
            return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        }

        var page = await Store.ListAsync(query, cancellationToken);

        return new TableData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnActorChanged(string? actor)
    {
        _actor = actor;

        return FilterChangedAsync();
    }

    private Task OnActionChanged(string? action)
    {
        _action = action;

        return FilterChangedAsync();
    }

    private Task OnTargetTypeChanged(string? targetType)
    {
        _targetType = targetType;

        return FilterChangedAsync();
    }

    private Task OnTargetIdChanged(string? targetId)
    {
        _targetId = targetId;

        return FilterChangedAsync();
    }

    private Task OnFromChanged(DateTime? from)
    {
        _from = from;

        return FilterChangedAsync();
    }

    private Task OnToChanged(DateTime? to)
    {
        _to = to;

        return FilterChangedAsync();
    }

    private Task OnSearchChanged(string? search)
    {
        _search = search;

        return FilterChangedAsync();
    }

    private Task FilterChangedAsync()
    {
        _errors = FormErrors.From(Validator.Validate(Query(1, AuditQuery.MaxPageSize)));
        if (_table is null)
        {
            return Task.CompletedTask;
        }

        // A new filter starts again on its first page; NavigateTo reloads the server data itself.
        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);

            return Task.CompletedTask;
        }

        return _table.ReloadServerData();
    }
}
