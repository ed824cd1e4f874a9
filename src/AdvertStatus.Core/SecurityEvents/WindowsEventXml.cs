using System.Xml;
using System.Xml.Linq;

namespace AdvertStatus.Core.SecurityEvents;

/// <summary>
/// Reads Windows Event XML as <c>wevtutil qe Security /f:xml</c> and Event Forwarding produce it:
/// one <c>&lt;Event&gt;</c>, several in a row with no enclosing element, or several inside any wrapper.
/// DTDs are prohibited and no resolver is set, so external entities are never fetched.
/// </summary>
public static class WindowsEventXml
{
    /// <summary>Parses every <c>Event</c> element; throws <see cref="XmlException"/> for malformed XML or a DTD.</summary>
    public static IReadOnlyList<WindowsEventRecord> Parse(TextReader input)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ConformanceLevel = ConformanceLevel.Fragment,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };

        var events = new List<WindowsEventRecord>();
        using var reader = XmlReader.Create(input, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Event")
            {
                events.Add(ReadEvent(reader.ReadSubtree()));
            }
        }

        return events;
    }

    private static WindowsEventRecord ReadEvent(XmlReader subtree)
    {
        // Loading only this subtree keeps the reader's DTD and resolver settings in force.
        XElement element;
        using (subtree)
        {
            element = XElement.Load(subtree);
        }

        var system = element.Elements().FirstOrDefault(e => e.Name.LocalName == "System");
        string? SystemValue(string name) => system?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        var eventData = element.Elements().FirstOrDefault(e => e.Name.LocalName is "EventData" or "UserData");
        foreach (var item in eventData?.Descendants().Where(e => e.Name.LocalName == "Data") ?? [])
        {
            var name = (string?)item.Attribute("Name");
            if (string.IsNullOrEmpty(name))
            {
                positional.Add(item.Value);
            }
            else
            {
                data[name] = item.Value;
            }
        }

        var timeCreated = (string?)system?.Elements().FirstOrDefault(e => e.Name.LocalName == "TimeCreated")?.Attribute("SystemTime");
        return new WindowsEventRecord(SystemValue("EventID"), timeCreated, SystemValue("Computer"), SystemValue("EventRecordID"), data, positional);
    }
}
