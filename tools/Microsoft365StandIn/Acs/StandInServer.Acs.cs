using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Microsoft365StandIn;

/// <summary>Azure Communication Services Email, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>The ACS endpoint: the HTTPS root when there is one (Azure.Core sends tokens over HTTPS only), else the HTTP root.</summary>
    public Uri AcsEndpoint => HttpsBaseUrl ?? BaseUrl;

    /// <summary>The <c>MailSending</c> settings that send through this stand-in's ACS Email.</summary>
    public Dictionary<string, string?> AcsSettings => new()
    {
        ["MailSending:Adapter"] = "AzureCommunicationServices",
        ["MailSending:AcsEndpoint"] = AcsEndpoint.AbsoluteUri,
    };

    /// <summary>The HTTPS listener's self-signed certificate; null without an HTTPS port.</summary>
    public X509Certificate2? Certificate => _certificate;

    /// <summary>What each poll of a new operation answers, in order; the last one repeats.</summary>
    public IReadOnlyList<string> AcsStatuses
    {
        get => Locked(() => _state.AcsStatuses);
        set => Locked(() => _state.AcsStatuses = [.. value]);
    }

    /// <summary>The <c>retry-after</c> (seconds) sent with every non-terminal answer; null sends none.</summary>
    public int? AcsRetryAfterSeconds
    {
        get => Locked(() => _state.AcsRetryAfterSeconds);
        set => Locked(() => _state.AcsRetryAfterSeconds = value);
    }

    /// <summary>The error code of a Failed operation.</summary>
    public string AcsFailureCode
    {
        get => Locked(() => _state.AcsFailureCode);
        set => Locked(() => _state.AcsFailureCode = value);
    }

    /// <summary>Every ACS request, including the refused ones.</summary>
    public IReadOnlyList<RecordedRequest> AcsRequests => Locked(() => (IReadOnlyList<RecordedRequest>)[.. _state.AcsRequests]);

    /// <summary>The send operations ACS took on: one per distinct <c>Operation-Id</c>, however often it was repeated.</summary>
    public int AcsOperationCount => Locked(() => _state.Data.AcsOperations.Count);

    public IReadOnlyList<RecordedRequest> AcsSends => [.. AcsRequests.Where(request => request.Method == "POST")];

    public IReadOnlyList<RecordedRequest> AcsPolls => [.. AcsRequests.Where(request => request.Method == "GET")];

    /// <summary>An Azure.Core transport that trusts this stand-in's certificate, and no other.</summary>
    public HttpPipelineTransport AcsTransport => new HttpClientTransport(CreateHttpsHandler());

    /// <summary>An HTTP handler that trusts this stand-in's certificate, and no other.</summary>
    public HttpMessageHandler CreateHttpsHandler()
    {
        var thumbprint = _certificate?.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => thumbprint is not null && certificate?.Thumbprint == thumbprint,
        };
    }

    /// <summary>The next <paramref name="count"/> sends get <paramref name="status"/> and <paramref name="code"/> (with retry-after 0) before one is taken.</summary>
    public void FailNextAcsSends(int status, string code, int count = 1) => Locked(() =>
    {
        _state.Faults.AcsSends = (status, code, count);
        return true;
    });
}
