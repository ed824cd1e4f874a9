using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>Caps the length of every string in a list.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EachStringLengthAttribute(int maximumLength) : ValidationAttribute
{
    public int MaximumLength { get; } = maximumLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable<string?> strings)
        {
            return ValidationResult.Success;
        }

        var index = 0;
        foreach (var item in strings)
        {
            if (item is { Length: var length } && length > MaximumLength)
            {
                return new ValidationResult(
                    $"Item {index} of {validationContext.DisplayName} is longer than {MaximumLength} characters.",
                    validationContext.MemberName is { } name ? [name] : null);
            }

            index++;
        }

        return ValidationResult.Success;
    }
}
