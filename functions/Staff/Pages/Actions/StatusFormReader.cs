using System.Globalization;
using Microsoft.Extensions.Primitives;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Text;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>
/// Reads the status form (<c>status</c>, <c>note</c>, <c>visitDate</c>) with the checks the staff API makes
/// (<see cref="StatusChangeRequestReader"/>): a status by name, a note of text within its bound, a visit day
/// <c>yyyy-MM-dd</c> only with a scheduled or completed visit. Who makes the change is never a form field.
/// </summary>
public static class StatusFormReader
{
    public static StatusChangePost Read(IReadOnlyDictionary<string, StringValues> form, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(text);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["status"] = PostedForm.One(form, "status"),
            ["note"] = form.TryGetValue("note", out var notes) ? notes.FirstOrDefault() ?? string.Empty : string.Empty,
            ["visitDate"] = PostedForm.One(form, "visitDate"),
        };
        var errors = new List<PageError>();
        EnquiryStatus? status = null;
        if (typed["status"].Length == 0 || char.IsAsciiDigit(typed["status"][0]) || !Enum.TryParse<EnquiryStatus>(typed["status"], out var parsed) || !Enum.IsDefined(parsed))
        {
            errors.Add(new PageError(ActionFormsRenderer.StatusId, text["status.to"], text["status.error.required"]));
        }
        else
        {
            status = parsed;
        }

        var note = typed["note"].Trim();
        if (note.Length > 0 && FieldText.Problem("note", note, StatusChangeRequestReader.MaxNote, TextKind.MultiLine) is not null)
        {
            errors.Add(new PageError(ActionFormsRenderer.NoteId, text["status.note"], text["status.error.note"]));
        }

        DateOnly? visitDate = null;
        if (typed["visitDate"].Length > 0)
        {
            if (!DateOnly.TryParseExact(typed["visitDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors.Add(new PageError(ActionFormsRenderer.VisitDateId, text["status.visitDate"], text["status.error.visitDate"]));
            }
            else if (status is { } chosen && !EnquiryLifecycle.IsFacilitated(chosen))
            {
                errors.Add(new PageError(ActionFormsRenderer.VisitDateId, text["status.visitDate"], text["status.error.visitDateNotWanted"]));
            }
            else
            {
                visitDate = day;
            }
        }

        return new StatusChangePost(status, note.Length == 0 ? null : note, visitDate, errors, typed);
    }
}
