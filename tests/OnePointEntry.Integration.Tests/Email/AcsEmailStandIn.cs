using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.WebUtilities;
using OnePointEntry.Integration.Tests.Graph;
using OnePointEntry.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace OnePointEntry.Integration.Tests.Email;

/// <summary>
/// A stand-in for Azure Communication Services Email's data plane over HTTPS (Azure.Core will not send a bearer
/// token over plain HTTP) with a certificate of its own that <see cref="Transport"/> trusts, and nothing else:
/// <c>POST /emails:send</c> answers 202 with <c>Operation-Location</c>, <c>GET /emails/operations/{id}</c> walks
/// through the statuses a test scripts.
/// </summary>
public sealed class AcsEmailStandIn : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly WireMockServer _server;
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, Queue<string>> _operations = new(StringComparer.Ordinal);
    private int _failSends;
    private int _failSendStatus;
    private string _failSendCode = "";

    private AcsEmailStandIn()
    {
        _certificate = CreateCertificate();
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            UseSSL = true,
            StartAdminInterface = false,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = _certificate },
        });
        _server.Given(Request.Create().WithPath("/*").UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public Uri Endpoint => new(_server.Url!.Replace("0.0.0.0", "localhost", StringComparison.Ordinal));

    /// <summary>What each poll of a new operation answers, in order; the last one repeats.</summary>
    public IReadOnlyList<string> Statuses { get; set; } = ["Running", "Succeeded"];

    /// <summary>The <c>retry-after</c> (seconds) sent with every non-terminal answer; null sends none.</summary>
    public int? RetryAfterSeconds { get; set; } = 0;

    public string FailureCode { get; set; } = "EmailDroppedAllRecipientsSuppressed";

    /// <summary>An HTTP transport that trusts this stand-in's certificate, and no other.</summary>
    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
    });

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Sends => [.. Requests.Where(request => request.Method == "POST")];

    public IReadOnlyList<RecordedRequest> Polls => [.. Requests.Where(request => request.Method == "GET")];

    public static AcsEmailStandIn Start() => new();

    /// <summary>The next <paramref name="count"/> sends get <paramref name="status"/> and <paramref name="code"/> (with retry-after 0) before one is taken.</summary>
    public void FailNextSends(int status, string code, int count = 1)
    {
        lock (_lock)
        {
            _failSendStatus = status;
            _failSendCode = code;
            _failSends = count;
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _certificate.Dispose();
    }

    private ResponseMessage Handle(IRequestMessage request)
    {
        var recorded = new RecordedRequest(
            request.Method,
            request.AbsolutePath ?? request.Path,
            QueryHelpers.ParseQuery(request.RawQuery ?? ""),
            request.Headers?.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase) ?? [],
            request.Body,
            request.DateTime);
        lock (_lock)
        {
            _requests.Add(recorded);
            if (!recorded.Headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Error(401, "Unauthorized", "Denied by the resource provider.");
            }

            if (!recorded.Query.TryGetValue("api-version", out var version) || string.IsNullOrEmpty(version))
            {
                return Error(400, "MissingApiVersionParameter", "The api-version query parameter is required.");
            }

            if (recorded.Method == "POST" && recorded.Path == "/emails:send")
            {
                return Send(recorded);
            }

            const string operations = "/emails/operations/";
            if (recorded.Method == "GET" && recorded.Path.StartsWith(operations, StringComparison.Ordinal))
            {
                return Poll(recorded.Path[operations.Length..]);
            }

            return Error(404, "NotFound", "No such resource.");
        }
    }

    private ResponseMessage Send(RecordedRequest request)
    {
        if (_failSends > 0)
        {
            _failSends--;
            var failure = Error(_failSendStatus, _failSendCode, "Injected by the test.");
            failure.AddHeader("Retry-After", "0");
            return failure;
        }

        var operationId = request.Headers.TryGetValue("Operation-Id", out var given) ? given : Guid.NewGuid().ToString();
        _operations.TryAdd(operationId, new Queue<string>(Statuses));
        var response = Json(202, new JsonObject { ["id"] = operationId, ["status"] = "Running" });
        response.AddHeader("Operation-Location", $"{Endpoint.AbsoluteUri.TrimEnd('/')}/emails/operations/{operationId}?api-version={request.Query["api-version"]}");
        AddRetryAfter(response);
        return response;
    }

    private ResponseMessage Poll(string operationId)
    {
        if (!_operations.TryGetValue(operationId, out var statuses))
        {
            return Error(404, "NotFound", "No such operation.");
        }

        var status = statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek();
        var body = new JsonObject { ["id"] = operationId, ["status"] = status };
        if (status == "Failed")
        {
            body["error"] = new JsonObject { ["code"] = FailureCode, ["message"] = "Email was not sent: all recipients are suppressed." };
        }

        var response = Json(200, body);
        if (status is "NotStarted" or "Running")
        {
            AddRetryAfter(response);
        }

        return response;
    }

    private void AddRetryAfter(ResponseMessage response)
    {
        if (RetryAfterSeconds is { } seconds)
        {
            response.AddHeader("retry-after", seconds.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static ResponseMessage Error(int status, string code, string message)
    {
        var response = Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
        response.AddHeader("x-ms-error-code", code);
        return response;
    }

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}
