using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Evidence.Rendering.Rows;

/// <summary>
/// Reads a sequence on a thread of its own, a few batches ahead of whoever takes it: parsing a results file and
/// making its cells (the annotation's redaction included) goes on beside the layout or the writer that consumes
/// them, on a second core. What the reader sees is what the sequence's own enumerator gives: the same items in the
/// same order, an exception where the sequence threw it (after the items before it), and disposing early stops the
/// reading.
/// </summary>
internal sealed class PrefetchingEnumerator<T> : IEnumerator<T>
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 8;

    private readonly BlockingCollection<T[]> batches = new(BatchesAhead);
    private readonly CancellationTokenSource stop = new();
    private readonly Task reader;
    private ExceptionDispatchInfo? failure;
    private T[]? batch;
    private int index;

    public PrefetchingEnumerator(IEnumerable<T> source)
    {
        reader = Task.Factory.StartNew(() => Read(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public T Current => batch is { } items ? items[index] : throw new InvalidOperationException("MoveNext was not called, or returned false.");

    object? IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (batch is not null && ++index < batch.Length)
        {
            return true;
        }

        if (batches.TryTake(out batch, Timeout.Infinite))
        {
            index = 0;
            return true;
        }

        batch = null;
        failure?.Throw();
        return false;
    }

    public void Reset() => throw new NotSupportedException();

    public void Dispose()
    {
        stop.Cancel();
        reader.Wait();
        batches.Dispose();
        stop.Dispose();
    }

    private void Read(IEnumerable<T> source)
    {
        var buffer = new List<T>(BatchSize);
        try
        {
            foreach (var item in source)
            {
                buffer.Add(item);
                if (buffer.Count == BatchSize)
                {
                    batches.Add([.. buffer], stop.Token);
                    buffer.Clear();
                }
            }

            Flush(buffer);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed before the end: the reader stops where it is.
        }
        catch (Exception e)
        {
            // The items read before the failure are still the reader's, then the failure itself.
            failure = ExceptionDispatchInfo.Capture(e);
            Flush(buffer);
        }
        finally
        {
            batches.CompleteAdding();
        }
    }

    /// <summary>Hands over what is left of the last batch, unless the reader has been disposed.</summary>
    private void Flush(List<T> buffer)
    {
        try
        {
            if (buffer.Count > 0)
            {
                batches.Add([.. buffer], stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Nobody is reading any more.
        }
    }
}
