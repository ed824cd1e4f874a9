using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>
/// Validates every item of a batch with its DataAnnotations (and <see cref="IValidatableObject"/>),
/// recursing into nested item lists, and names each failure as <c>[index].field</c> (camelCase,
/// as on the wire) so an agent can find the bad item.
/// </summary>
internal static class ItemValidator
{
    public static Dictionary<string, string[]> Validate<T>(IReadOnlyList<T> items, IServiceProvider services)
        where T : class
    {
        var errors = new Dictionary<string, List<string>>();
        for (var i = 0; i < items.Count; i++)
        {
            Collect(items[i], $"[{i}]", services, errors);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Collect(object item, string prefix, IServiceProvider services, Dictionary<string, List<string>> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(item, new ValidationContext(item, services, null), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                var wireName = JsonNamingPolicy.CamelCase.ConvertName(member);
                var key = member.Length == 0 ? prefix : $"{prefix}.{wireName}";
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }

                // DataAnnotations speak of the C# property; agents know the JSON name.
                var message = result.ErrorMessage ?? "The value is not valid.";
                list.Add(member.Length == 0 ? message : message.Replace(member, wireName, StringComparison.Ordinal));
            }
        }

        // Nested objects (attributes, files, components) are validated as items of their own.
        foreach (var property in item.GetType().GetProperties())
        {
            if (property.PropertyType == typeof(string) || property.GetValue(item) is not IEnumerable children)
            {
                continue;
            }

            var index = 0;
            foreach (var child in children)
            {
                if (child is not null and not string && child.GetType().IsClass)
                {
                    Collect(child, $"{prefix}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}[{index}]", services, errors);
                }

                index++;
            }
        }
    }
}
