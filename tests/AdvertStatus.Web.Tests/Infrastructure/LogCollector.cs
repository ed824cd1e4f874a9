using Serilog.Core;
using Serilog.Events;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>Keeps every rendered log message.</summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly List<string> _messages = [];

    public string Text
    {
        get
        {
            lock (_messages)
            {
                return string.Join("\n", _messages);
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        lock (_messages)
        {
            _messages.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
