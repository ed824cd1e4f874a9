using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdvertStatus.Web.Data;

/// <summary>Stores <see cref="DateTime"/> as UTC and marks values read back as <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
