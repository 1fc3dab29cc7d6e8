using System.Text.Json;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Settings;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Invocation;

/// <summary>
/// Writes the values that the worker returned for output bindings. Queue outputs are enqueued
/// (encoded as the queue extension does); HTTP outputs were already served through the worker's
/// own HTTP response; other binding types are reported and dropped.
/// </summary>
internal sealed class OutputBindingDispatcher(
    QueueClientProvider queues,
    QueueActivity activity,
    QueueMessageCodec codec,
    AppSettings settings,
    ILogger<OutputBindingDispatcher> logger)
{
    public async Task WriteAsync(FunctionDefinition function, InvocationResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(response);
        foreach (var binding in function.Outputs)
        {
            var data = binding.Name == "$return"
                ? response.ReturnValue
                : response.OutputData.FirstOrDefault(o => o.Name == binding.Name)?.Data;
            if (data is null || data.DataCase == TypedData.DataOneofCase.None || binding.Is("http"))
            {
                continue;
            }

            if (!binding.Is("queue"))
            {
                InvocationLog.UnsupportedOutput(logger, function.Name, binding.Type, binding.Name);
                continue;
            }

            var queueName = settings.Resolve(binding.GetString("queueName") ?? throw new InvalidOperationException($"The queue output '{binding.Name}' of {function.Name} has no queueName."));
            var connection = binding.GetString("connection");
            var queue = await queues.GetQueueAsync(connection, queueName, cancellationToken);
            foreach (var message in ToMessages(data))
            {
                await queue.SendMessageAsync(message, cancellationToken);
            }

            activity.Notify(queues.KeyFor(connection, queueName));
        }
    }

    /// <summary>One queue message per value; a JSON array or a collection is one message per element, as the real host writes collectors.</summary>
    private IEnumerable<string> ToMessages(TypedData data)
    {
        switch (data.DataCase)
        {
            case TypedData.DataOneofCase.String:
                yield return codec.Encode(data.String);
                break;
            case TypedData.DataOneofCase.Json:
                using (var document = JsonDocument.Parse(data.Json))
                {
                    if (document.RootElement.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var element in document.RootElement.EnumerateArray())
                        {
                            yield return codec.Encode(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
                        }
                    }
                    else
                    {
                        yield return codec.Encode(data.Json);
                    }
                }

                break;
            case TypedData.DataOneofCase.Bytes:
                yield return codec.Encode(data.Bytes.Span);
                break;
            case TypedData.DataOneofCase.CollectionString:
                foreach (var text in data.CollectionString.String)
                {
                    yield return codec.Encode(text);
                }

                break;
            case TypedData.DataOneofCase.CollectionBytes:
                foreach (var bytes in data.CollectionBytes.Bytes)
                {
                    yield return codec.Encode(bytes.Span);
                }

                break;
            case TypedData.DataOneofCase.Int:
                yield return codec.Encode(data.Int.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case TypedData.DataOneofCase.Double:
                yield return codec.Encode(data.Double.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"A queue output of type {data.DataCase} cannot be written.");
        }
    }
}
