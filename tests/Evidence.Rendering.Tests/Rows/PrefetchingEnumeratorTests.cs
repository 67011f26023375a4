using Evidence.Rendering.Rows;

namespace Evidence.Rendering.Tests.Rows;

/// <summary>Rows read ahead on another thread come out as the sequence gives them: in order, failing where it fails, stopping when dropped.</summary>
public sealed class PrefetchingEnumeratorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(10_000)]
    public void ItemsComeInTheSequencesOrder(int count)
    {
        using var rows = new PrefetchingEnumerator<int>(Enumerable.Range(0, count));

        var read = new List<int>();
        while (rows.MoveNext())
        {
            read.Add(rows.Current);
        }

        Assert.Equal(Enumerable.Range(0, count), read);
        Assert.False(rows.MoveNext());
    }

    [Fact]
    public void AFailureSurfacesAsItselfAfterTheItemsBeforeIt()
    {
        using var rows = new PrefetchingEnumerator<int>(Failing(1000));

        var read = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (rows.MoveNext())
            {
                read.Add(rows.Current);
            }
        });

        Assert.Equal("results.jsonl:1001:1: damaged", error.Message);
        Assert.Equal(Enumerable.Range(0, 1000), read);
    }

    [Fact]
    public void DisposingEarlyStopsTheReading()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        var rows = new PrefetchingEnumerator<int>(Endless());
        Assert.True(rows.MoveNext());
        Assert.Equal(0, rows.Current);

        rows.Dispose();
        var after = Volatile.Read(ref produced);
        Thread.Sleep(50);

        // Read ahead by a bounded amount, and not one item more once disposed.
        Assert.InRange(after, 1, 256 * 10);
        Assert.Equal(after, Volatile.Read(ref produced));
    }

    private static IEnumerable<int> Failing(int before)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        throw new InvalidDataException($"results.jsonl:{before + 1}:1: damaged");
    }
}
