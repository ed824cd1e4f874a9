using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Machines;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>An SMS site code: three of <c>[A-Z0-9]</c> after upper-casing.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SiteCodeAttribute : ValidationAttribute
{
    public SiteCodeAttribute()
        : base("The {0} field must be three letters or digits ([A-Z0-9]{{3}}).")
    {
    }

    public override bool IsValid(object? value) => value is null || SiteCodes.IsValid(value as string);
}
