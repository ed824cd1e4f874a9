using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdvertStatus.Web.Api;

/// <summary>
/// System.Text.Json's errors in plain words with a line and character ("there is a comma after the last item")
/// instead of the reader's own advice ("Change the reader options"), which speaks to the server's programmer,
/// not to the person who wrote the JSON.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>"at line 2, character 14: a comma is missing between two values".</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = ReasonOf(exception.Message);
        return exception.LineNumber is { } line
            ? $"at line {line + 1}, character {exception.BytePositionInLine + 1}: {reason}"
            : reason;
    }

    /// <summary>Whether the JSON was well formed but a value had another type than the field's.</summary>
    public static bool IsWrongType(JsonException exception) => Converted().IsMatch(exception?.Message ?? "");

    /// <summary>A wrong-typed value's reason alone ("expected a whole number"), for errors that name the field.</summary>
    public static string ReasonOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ReaderPosition().Replace(message, "").Trim();
        if (Converted().Match(text) is { Success: true } converted)
        {
            return $"expected {Expected(converted.Groups["type"].Value)}";
        }

        if (InvalidStart().Match(text) is { Success: true } start)
        {
            return $"{start.Groups["token"].Value} cannot start a value; text goes in double quotes, and only true, false and null are bare words";
        }

        return text switch
        {
            _ when text.Contains("trailing comma", StringComparison.Ordinal) => "there is a comma after the last item; remove it",
            _ when text.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) => "the body is empty",
            _ when text.Contains("Expected depth to be zero", StringComparison.Ordinal) || text.Contains("invalid end of a number", StringComparison.Ordinal) =>
                "the JSON ends before every { and [ is closed",
            _ when text.Contains("invalid start of a property name", StringComparison.Ordinal) => "a property name is not in double quotes",
            _ when text.Contains("is invalid after a value", StringComparison.Ordinal) => "a comma is missing between two values",
            _ when text.Contains("is invalid after a single JSON value", StringComparison.Ordinal) => "there is more text after the end of the JSON",
            _ when text.Contains("is an invalid JSON literal", StringComparison.Ordinal) => "a bare word that is not true, false or null",
            // Our converters' own "Expected a string or a number." reads on after a colon.
            _ when text.StartsWith("Expected ", StringComparison.Ordinal) => "expected " + text["Expected ".Length..].TrimEnd('.'),
            _ => text.Replace(" Change the reader options.", "", StringComparison.Ordinal).TrimEnd('.'),
        };
    }

    private static string Expected(string type) => type switch
    {
        "Int16" or "Int32" or "Int64" or "UInt16" or "UInt32" or "UInt64" or "Byte" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number",
        "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
        "Boolean" => "true or false",
        "Guid" => "a GUID",
        "String" => "a string",
        _ when type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith("List", StringComparison.Ordinal) || type.StartsWith("IReadOnlyList", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    /// <summary>The reader's " Path: $.x | LineNumber: 0 | BytePositionInLine: 7." tail, which <see cref="Describe"/> says better.</summary>
    [GeneratedRegex(@"\s*(Path: .*?\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$|\s*Path: \S*\s*$")]
    private static partial Regex ReaderPosition();

    [GeneratedRegex(@"could not be converted to (System\.(Collections\.Generic\.)?)?(Nullable`1\[)?(System\.)?(?<type>\w+(\[\])?)")]
    private static partial Regex Converted();

    [GeneratedRegex(@"^(?<token>'.+?') is an invalid start of a value")]
    private static partial Regex InvalidStart();
}
