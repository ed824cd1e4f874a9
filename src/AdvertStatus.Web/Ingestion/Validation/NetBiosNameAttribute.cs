using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Machines;

namespace AdvertStatus.Web.Ingestion.Validation;

/// <summary>A NetBIOS computer name: 1–15 characters, no control, invisible or bidirectional control characters, none of <c>\ / : * ? " &lt; &gt; |</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NetBiosNameAttribute : ValidationAttribute
{
    public NetBiosNameAttribute()
        : base("The {0} field must be a NetBIOS name: 1-15 characters, no control, invisible or bidirectional control characters (such as U+200B or U+202E) and none of \\ / : * ? \" < > |.")
    {
    }

    public override bool IsValid(object? value) => value is null || MachineNames.IsValid(value as string);
}
