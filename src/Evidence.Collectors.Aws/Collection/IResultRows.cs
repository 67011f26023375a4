using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>Result rows built one page item at a time.</summary>
internal interface IResultRows
{
    List<ResultRow> Rows { get; }

    /// <summary>Adds one result of a page; false when it cannot become a row.</summary>
    bool Add(JsonElement result);
}
