using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Evidence.Web.State;

/// <summary>Tells every open page (through <c>/events</c>) that the workspace changed.</summary>
internal sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private readonly List<Channel<long>> _subscribers = [];

    /// <summary>How many pages listen now.</summary>
    public int Listeners
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(long version)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(version);
            }
        }
    }

    /// <summary>One event per change until the page goes away; the first says which version the page may hold.</summary>
    public async IAsyncEnumerable<SseItem<string>> Subscribe(long current, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // Only the latest version matters to a page: older ones waiting in the queue are dropped.
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            yield return new SseItem<string>(current.ToString(System.Globalization.CultureInfo.InvariantCulture), "hello");
            while (await channel.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var version))
                {
                    yield return new SseItem<string>(version.ToString(System.Globalization.CultureInfo.InvariantCulture), "change");
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
