using System.Collections;
using System.Reflection;
using System.Text;
using Evidence.Core.Yaml;
using Scriban.Runtime;

namespace Evidence.Rendering.Templates;

/// <summary>
/// Turns the template model into Scriban values: records become objects with snake_case keys, lists
/// become arrays, enums become kebab-case text. Only strings, numbers, booleans and records of the
/// model's own namespace are allowed, so no object whose methods a template could call ever reaches it.
/// A record the model holds in several places (a control under its family and in the list of all
/// controls) becomes one Scriban value, so an organisation's model is not copied twice over.
/// </summary>
public static class ScriptModel
{
    private const string ModelNamespace = "Evidence.Rendering.Model";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    /// <summary>The model's properties as the global variables of a template.</summary>
    public static ScriptObject Globals(object model)
    {
        ArgumentNullException.ThrowIfNull(model);

        // A plain object at the top: builtins are looked up after it, so a missing name must not throw here
        // (strict variables report a truly unknown name).
        var globals = new ScriptObject();
        foreach (var (key, value) in (ScriptObject)new Converter().Convert(model, model.GetType().Name)!)
        {
            globals.SetValue(key, value, readOnly: false);
        }

        return globals;
    }

    /// <summary>A Scriban value for <paramref name="value"/>; throws for a type that could expose methods.</summary>
    public static object? Convert(object? value, string path = "model") => new Converter().Convert(value, path);

    /// <summary>AsOfText becomes as_of_text; Sha256 stays sha256.</summary>
    public static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) ||
                (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }

    /// <summary>A record type's properties in declaration order with their template names, found once per type.</summary>
    private static (PropertyInfo Property, string Name)[] Describe(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).Select(p => (p, SnakeCase(p.Name)))];

    /// <summary>
    /// One conversion: remembers the records it has converted, by reference, so a shared record is converted once.
    /// (Lists are not shared: an empty list is one instance everywhere, and a template may change an array it holds.)
    /// </summary>
    private sealed class Converter
    {
        private readonly Dictionary<object, object> _done = new(ReferenceEqualityComparer.Instance);

        public object? Convert(object? value, string path) => value switch
        {
            null => null,
            string or bool or int or long or double or decimal => value,
            Enum e => EnumNames.ToKebab(e.ToString()),
            ScriptObject or ScriptArray => value,
            IReadOnlyDictionary<string, object?> map => ConvertMap(map, path),
            IEnumerable list => ConvertList(list, path),
            _ when _done.TryGetValue(value, out var converted) => converted,
            _ when value.GetType().Namespace == ModelNamespace => _done[value] = ConvertRecord(value, path),
            _ => throw new InvalidOperationException($"{path}: a {value.GetType().Name} cannot be given to templates; give them text, numbers and model records only"),
        };

        private ScriptArray ConvertList(IEnumerable list, string path)
        {
            var array = new ScriptArray();
            var index = 0;
            foreach (var item in list)
            {
                array.Add(Convert(item, $"{path}[{index++}]"));
            }

            return array;
        }

        private StrictScriptObject ConvertRecord(object record, string path)
        {
            var result = new StrictScriptObject(record.GetType().Name);
            foreach (var (property, name) in Properties.GetOrAdd(record.GetType(), Describe))
            {
                result.SetValue(name, Convert(property.GetValue(record), $"{path}.{name}"), readOnly: false);
            }

            return result;
        }

        /// <summary>A map from a cloud's definition (its boundary part): its keys as written, its values converted like any other.</summary>
        private StrictScriptObject ConvertMap(IReadOnlyDictionary<string, object?> map, string path)
        {
            var result = new StrictScriptObject(path);
            foreach (var (key, item) in map)
            {
                result.SetValue(key, Convert(item, $"{path}.{key}"), readOnly: false);
            }

            return result;
        }
    }
}
