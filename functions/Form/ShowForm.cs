using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace OnePointEntry.Functions.Form;

/// <summary><c>GET /api/form</c>: the enquiry form for delegations, in Danish, English or Chinese.</summary>
public sealed class ShowForm(FormAnswers answers)
{
    [Function(nameof(ShowForm))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request) =>
        answers.Form(request);
}
