using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>
/// Validates every item of a batch with its DataAnnotations (and <see cref="IValidatableObject"/>),
/// recursing into nested item lists, and names each failure as <c>[index].field</c> (camelCase,
/// as on the wire) so an agent can find the bad item.
/// </summary>
/// <remarks>
/// Same rules and order as <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/>
/// with all properties: <c>[Required]</c> first and alone, then a property's other attributes, then
/// the type's attributes and <see cref="IValidatableObject"/> only when every property passed. The
/// attributes of each type are read once (<see cref="TypePlan"/>): the framework's validator looked
/// them up through TypeDescriptor for every item, a third of a 500-item batch's request time.
/// </remarks>
internal static class ItemValidator
{
    private static readonly ConcurrentDictionary<Type, TypePlan> Plans = new();

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
        var plan = Plans.GetOrAdd(item.GetType(), TypePlan.Of);
        var context = new ValidationContext(item, services, null);
        var failed = false;
        foreach (var property in plan.Properties)
        {
            var value = property.Info.GetValue(item);
            context.MemberName = property.Info.Name;
            context.DisplayName = property.Info.Name;
            if (property.Required?.GetValidationResult(value, context) is { } missing)
            {
                Add(missing, prefix, errors);
                failed = true;
                continue;
            }

            foreach (var attribute in property.Others)
            {
                if (attribute.GetValidationResult(value, context) is { } result)
                {
                    Add(result, prefix, errors);
                    failed = true;
                }
            }
        }

        if (!failed)
        {
            context.MemberName = null;
            context.DisplayName = item.GetType().Name;
            foreach (var attribute in plan.TypeAttributes)
            {
                if (attribute.GetValidationResult(item, context) is { } result)
                {
                    Add(result, prefix, errors);
                }
            }

            if (item is IValidatableObject validatable)
            {
                foreach (var result in validatable.Validate(context))
                {
                    Add(result, prefix, errors);
                }
            }
        }

        // Nested objects (attributes, files, components) are validated as items of their own.
        foreach (var property in plan.Lists)
        {
            if (property.Info.GetValue(item) is not IEnumerable children)
            {
                continue;
            }

            var index = 0;
            foreach (var child in children)
            {
                if (child is not null and not string && child.GetType().IsClass)
                {
                    Collect(child, $"{prefix}.{property.WireName}[{index}]", services, errors);
                }

                index++;
            }
        }
    }

    private static void Add(ValidationResult result, string prefix, Dictionary<string, List<string>> errors)
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

    private sealed record PropertyPlan(PropertyInfo Info, RequiredAttribute? Required, ValidationAttribute[] Others, string WireName);

    /// <summary>What validating one type needs, read once by reflection.</summary>
    private sealed record TypePlan(PropertyPlan[] Properties, PropertyPlan[] Lists, ValidationAttribute[] TypeAttributes)
    {
        public static TypePlan Of(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p =>
                {
                    var attributes = p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray();
                    return new PropertyPlan(
                        p,
                        attributes.OfType<RequiredAttribute>().FirstOrDefault(),
                        [.. attributes.Where(a => a is not RequiredAttribute)],
                        JsonNamingPolicy.CamelCase.ConvertName(p.Name));
                })
                .ToArray();
            return new TypePlan(
                [.. properties.Where(p => p.Required is not null || p.Others.Length > 0)],
                [.. properties.Where(p => p.Info.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.Info.PropertyType))],
                [.. type.GetCustomAttributes<ValidationAttribute>(inherit: true)]);
        }
    }
}
