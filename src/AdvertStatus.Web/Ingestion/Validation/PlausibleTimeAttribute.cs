using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>
/// A time no earlier than 1995-01-01 (before SMS existed) and no more than 24 hours ahead of the
/// server clock (a client with a wrong clock should not push findings into the future).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleTimeAttribute : ValidationAttribute
{
    public static readonly DateTime Earliest = new(1995, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromHours(24);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateTime time)
        {
            return ValidationResult.Success;
        }

        var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var now = clock.GetUtcNow().UtcDateTime;
        var member = validationContext.MemberName is { } name ? new[] { name } : null;
        if (time < Earliest)
        {
            return new ValidationResult($"The {validationContext.DisplayName} field must not be before 1995-01-01.", member);
        }

        return time > now + MaxAhead
            ? new ValidationResult($"The {validationContext.DisplayName} field must not be more than 24 hours ahead of the server clock ({now:O}).", member)
            : ValidationResult.Success;
    }
}
