namespace Evidence.Core.Collection.Replay;

/// <summary>One recorded request and its response, as kept under a workspace's <c>recordings/</c>.</summary>
/// <param name="Key">What identifies the request: see <see cref="ExchangeKey"/>.</param>
/// <param name="Status">The HTTP status code returned.</param>
/// <param name="Headers">The response headers worth replaying (Date, Content-Type, Retry-After, x-amzn-RequestId…), in order.</param>
/// <param name="BodyFile">The response body's file, relative to the recordings folder, holding the exact bytes.</param>
/// <param name="RecordedFor">The as-of instant of the collection that recorded it; replay answers a collection with the latest recording made for its instant or before. Null: any instant.</param>
public sealed record HttpExchange(string Key, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string BodyFile, DateTimeOffset? RecordedFor = null);
