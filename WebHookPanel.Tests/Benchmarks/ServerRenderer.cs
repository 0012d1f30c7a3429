using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging.Abstractions;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// A renderer that does what Blazor Server does for each render (run components, diff their trees) and then
/// drops the batch instead of sending it to a browser. bUnit's renderer also rebuilds the HTML of every tracked
/// component after each render, which on a 40-row form costs far more than the render itself; this one shows what
/// the panel's own code costs per keystroke.
/// </summary>
#pragma warning disable BL0006 // Render tree frames are read to find component instances, as test renderers do.
public sealed class ServerRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
{
    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    public Task<int> RenderAsync<TComponent>(ParameterView parameters)
        where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var component = InstantiateComponent(typeof(TComponent));
            var id = AssignRootComponentId(component);
            await RenderRootComponentAsync(id, parameters);

            return id;
        });

    /// <summary>Every component below <paramref name="componentId"/>, depth first.</summary>
    public IReadOnlyList<IComponent> Descendants(int componentId)
    {
        var found = new List<IComponent>();
        Collect(componentId, found);

        return found;
    }

    /// <summary>
    /// Polls the tree below <paramref name="rootId"/> until <paramref name="find"/> returns something: a page that
    /// loads its data asynchronously renders once without it, and the root render does not wait for that load.
    /// </summary>
    public async Task<T> WaitForAsync<T>(int rootId, Func<IReadOnlyList<IComponent>, T?> find)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = await Dispatcher.InvokeAsync(() => find(Descendants(rootId)));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The component did not render within 10 s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>The id of a component instance found by <see cref="Descendants"/>, to walk below it.</summary>
    public int IdOf(IComponent component, int rootId) => FindId(component, rootId) ??
        throw new InvalidOperationException("The component is not below the root.");

    protected override void HandleException(Exception exception) =>
        ExceptionDispatchInfo.Capture(exception).Throw();

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

    private void Collect(int componentId, List<IComponent> found)
    {
        var frames = GetCurrentRenderTreeFrames(componentId);
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            if (frame.FrameType == RenderTreeFrameType.Component && frame.Component is not null)
            {
                found.Add(frame.Component);
                Collect(frame.ComponentId, found);
            }
        }
    }

    private int? FindId(IComponent component, int componentId)
    {
        var frames = GetCurrentRenderTreeFrames(componentId);
        for (var i = 0; i < frames.Count; i++)
        {
            ref var frame = ref frames.Array[i];
            if (frame.FrameType != RenderTreeFrameType.Component || frame.Component is null)
            {
                continue;
            }

            if (ReferenceEquals(frame.Component, component))
            {
                return frame.ComponentId;
            }

            if (FindId(component, frame.ComponentId) is { } id)
            {
                return id;
            }
        }

        return null;
    }
}
#pragma warning restore BL0006
