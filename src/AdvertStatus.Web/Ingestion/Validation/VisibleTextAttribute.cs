using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Machines;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>
/// A name a person reads and trusts (a domain, an account, a DC): no invisible formatting or bidirectional control
/// character (Unicode category Cf, such as U+200B or U+202E), with which <c>WKS\u202eLIVE</c> could pose as another
/// name. Applies to a string or to each string of a list.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VisibleTextAttribute : ValidationAttribute
{
    public VisibleTextAttribute()
        : base("The {0} field must not contain invisible or bidirectional control characters (Unicode format characters such as U+200B or U+202E).")
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => VisibleText.IsVisible(text),
        IEnumerable<string?> texts => texts.All(t => t is null || VisibleText.IsVisible(t)),
        _ => true,
    };
}
