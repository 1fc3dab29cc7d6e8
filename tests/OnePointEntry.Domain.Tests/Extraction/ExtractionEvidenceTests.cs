using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

/// <summary>Every value the extractor gives carries how sure it is and the words it was read from, with where they stand.</summary>
public sealed class ExtractionEvidenceTests
{
    private static readonly DateTimeOffset s_sent = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));

    private static ExtractedEnquiry Extract(string text, string? subject = null, IReadOnlyList<TextAttachment>? attachments = null) =>
        EnquiryExtractor.Default.Extract(new MailContent
        {
            Text = text,
            Subject = subject,
            FromAddress = "anna.holm@glostrup.example.dk",
            SentAt = s_sent,
            Attachments = attachments ?? [],
        });

    private static FieldEvidence Of(ExtractedEnquiry enquiry, string field) => Assert.Single(enquiry.Evidence, e => e.Field == field);

    [Fact]
    public void A_forwarded_originals_facts_are_quoted_from_the_forwarded_part()
    {
        var result = Extract(
            "Hej One-Point Entry,\nVil I se på nedenstående?\n\nMed venlig hilsen\nAnna Holm\nGlostrup Kommune\n\n"
            + "---------- Forwarded message ---------\nFrom: Wang Li <wang.li@dlport.example.cn>\nDate: Mon, 26 Oct 2026\nSubject: Visit\n\n"
            + "Dear Sir or Madam,\nA delegation of 8 officials from Dalian Port Authority, China, would like to visit Copenhagen from 12 to 14 May 2027 to learn about port operations.",
            subject: "Fwd: Visit");

        var city = Of(result, "city");
        Assert.Equal("Dalian", city.Value);
        Assert.Equal(MessagePart.Forwarded, city.Part);
        Assert.Contains("Dalian", city.Quote, StringComparison.Ordinal);
        Assert.InRange(city.Confidence, 0.5, 1);

        var arrival = Of(result, "arrivalDate");
        Assert.Equal("2027-05-12", arrival.Value);
        Assert.Contains("12 to 14 May 2027", arrival.Quote, StringComparison.Ordinal);
        Assert.Equal(MessagePart.Forwarded, arrival.Part);
        Assert.Equal("2027-05-14", Of(result, "departureDate").Value);

        var size = Of(result, "delegationSize");
        Assert.Equal("8", size.Value);
        Assert.Contains("8 officials", size.Quote, StringComparison.Ordinal);

        var referral = Of(result, "referredBy");
        Assert.Equal("Glostrup", referral.Value);
        Assert.Equal(MessagePart.Signature, referral.Part);

        var theme = Assert.Single(result.Evidence, e => e.Field == "themes" && e.Value == "maritime-logistics");
        Assert.Contains("port", theme.Quote, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_value_has_evidence_and_no_quote_is_longer_than_the_bound()
    {
        var longSentence = string.Concat(Enumerable.Repeat("We are very interested in many things about your city and its people ", 10));
        var result = Extract(longSentence + "and a delegation of 5 people from Harbin Municipal Government will visit Copenhagen on 3 March 2027 to see district heating.");

        Assert.Equal(5, result.DelegationSize);
        foreach (var field in new[] { "language", "country", "region", "city", "sector", "level", "delegationSize", "arrivalDate", "departureDate" })
        {
            var evidence = Of(result, field);
            Assert.InRange(evidence.Confidence, 0, 1);
            Assert.True(evidence.Quote is null || evidence.Quote.Length <= FieldEvidence.MaxQuoteLength, $"{field}: {evidence.Quote?.Length}");
        }

        Assert.Contains("Harbin", Of(result, "city").Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_proposal_is_quoted_history_and_the_replys_own_dates_win()
    {
        var result = Extract(
            "Dear Mette,\nWe can now confirm the new dates: 20 to 22 April 2027. We will be 8 officials from Brisbane.\n\nBest regards\nTom\n\n"
            + "On Mon, 26 Oct 2026 at 10:00, Mette <mette@onepointentry.example> wrote:\n> Thank you. Would 13-14 April 2027 suit you?\n",
            subject: "RE: Visit of Queensland delegation");

        var arrival = Of(result, "arrivalDate");
        Assert.Equal("2027-04-20", arrival.Value);
        Assert.Equal(MessagePart.OwnWords, arrival.Part);
    }

    [Theory]
    [InlineData("The delegation will be in Copenhagen from Tuesday 20th April to Thursday 22nd April 2027.", "2027-04-20", "2027-04-22")]
    [InlineData("Delegationen er i København fra mandag den 15. til onsdag den 17. marts 2027.", "2027-03-15", "2027-03-17")]
    [InlineData("Die Delegation ist vom Dienstag, 13. bis Donnerstag, 15. April 2027 in Kopenhagen.", "2027-04-13", "2027-04-15")]
    [InlineData("代表团将于2027年3月2日（星期二）至4日（星期四）访问丹麦。", "2027-03-02", "2027-03-04")]
    [InlineData("Wir sind von Dienstag, 13., bis Donnerstag, 15. April 2027 in Kopenhagen.", "2027-04-13", "2027-04-15")]
    [InlineData("Estaremos en Copenhague del lunes, 5 de abril, al miércoles, 7 de abril de 2027.", "2027-04-05", "2027-04-07")]
    [InlineData("We are in Copenhagen from Monday, 5 April, to Wednesday, 7 April 2027.", "2027-04-05", "2027-04-07")]
    [InlineData("Đoàn sẽ ở Copenhagen từ Thứ Ba, ngày 6/4/2027 đến Thứ Năm, ngày 8/4/2027.", "2027-04-06", "2027-04-08")]
    public void Weekday_names_do_not_break_a_date_range(string text, string arrival, string departure)
    {
        var result = Extract(text);

        Assert.Equal(DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), result.ArrivalDate);
        Assert.Equal(DateOnly.Parse(departure, System.Globalization.CultureInfo.InvariantCulture), result.DepartureDate);
    }

    [Fact]
    public void An_attached_programme_gives_the_dates_and_size_the_mail_leaves_out()
    {
        var result = Extract(
            "Dear One-Point Entry,\nPlease find attached the programme of our delegation from Groningen.\n\nKind regards\nEva",
            attachments: [new TextAttachment("programme.pdf", "Programme\n16 March 2027 - arrival in Copenhagen\n17-18 March 2027 visits\nParticipants: 11 persons")]);

        Assert.Equal(11, result.DelegationSize);
        Assert.Equal(MessagePart.Attachment, Of(result, "delegationSize").Part);
        Assert.Equal(new DateOnly(2027, 3, 16), result.ArrivalDate);
        Assert.Equal(MessagePart.Attachment, Of(result, "arrivalDate").Part);
    }

    [Theory]
    [InlineData("Our delegation visits Copenhagen; please note version 2.1.27 of the form.")]
    [InlineData("Our delegation visits Copenhagen. Log: 2027-03-03T14:22:09Z request accepted.")]
    [InlineData("Our delegation visits Copenhagen. The city was founded 1995 Sep 19 as a port.")]
    [InlineData("Our delegation visits Copenhagen. Image data: iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB5/3dEf12/10xyz")]
    [InlineData("Our delegation visits Copenhagen.\nSent: Tuesday, 6 April 2027 16:18\nSubject: visit")]
    public void Versions_timestamps_old_years_encoded_data_and_header_lines_are_not_visit_dates(string text)
    {
        var result = Extract(text.Replace("\\n", "\n", StringComparison.Ordinal));

        Assert.Null(result.ArrivalDate);
        Assert.Null(result.DepartureDate);
    }

    [Fact]
    public void Only_the_danish_leg_of_a_tour_gives_the_dates_and_the_other_stops_are_not_home()
    {
        var result = Extract("Dear One-Point Entry,\nA delegation of 9 officials from Wuhan Municipal Government tours the Nordic countries: "
            + "Stockholm 12-13 May 2027, Copenhagen 14-16 May 2027, then Oslo 17-18 May 2027. We hope to learn about district heating.");

        Assert.Equal(new DateOnly(2027, 5, 14), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 5, 16), result.DepartureDate);
        Assert.Equal("Wuhan", result.City);
    }

    [Fact]
    public void A_chinese_departure_word_after_its_date_closes_the_visit()
    {
        var result = Extract("昆明理工大学代表团拟于2027年3月15日（周一）抵达哥本哈根，3月18日离开，共5人。");

        Assert.Equal(new DateOnly(2027, 3, 15), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 3, 18), result.DepartureDate);
    }

    [Fact]
    public void A_home_two_cities_share_equally_is_left_to_a_person_rather_than_guessed()
    {
        var result = Extract("Dear One-Point Entry,\nHarbin and Shenyang officials will visit Copenhagen as a delegation on 3 March 2027 to learn about district heating.");

        Assert.Null(result.City);
        Assert.DoesNotContain(result.Evidence, e => e.Field == "city");
        Assert.Contains(result.ReviewReasons, r => r.Contains("home city", StringComparison.Ordinal) && r.Contains("Harbin", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 3, 3), result.ArrivalDate);
    }

    [Fact]
    public void A_travel_agencys_city_in_its_signature_is_not_the_delegations_home()
    {
        var result = Extract("Dear One-Point Entry,\nWe organise the study trip of a delegation of 15 from the Wenzhou chamber of commerce to Copenhagen on 12 October 2027 and ask for meetings with Danish companies.\n\nBest regards\nLi Na\nShanghai Oriental Travel Agency\n88 Nanjing Road, Shanghai\nTel. +86 21 5555 0101");

        Assert.Equal("Wenzhou", result.City);
        Assert.Equal("Zhejiang", result.Region);
    }

    [Fact]
    public void A_province_said_strongly_is_home_over_another_stops_city()
    {
        var result = Extract("浙江省人民政府拟派代表团于2027年5月访问北欧三国。行程：\n5月10日至12日 丹麦哥本哈根\n5月13日至15日 挪威奥斯陆\n希望了解风电和区域供热。");

        Assert.Equal("CN", result.Country);
        Assert.Equal("Zhejiang", result.Region);
        Assert.Null(result.City);
        Assert.Equal(new DateOnly(2027, 5, 10), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 5, 12), result.DepartureDate);
    }

    [Fact]
    public void A_confidentiality_notice_is_boilerplate_not_facts_or_themes()
    {
        var result = Extract("Dear One-Point Entry,\nA delegation of 6 officials from Harbin Municipal Government will visit Copenhagen on 3 March 2027 to learn about district heating.\nWe look forward to your reply.\n"
            + "CONFIDENTIAL: this e-mail is intended for the recipient only and may concern investment, wastewater and port matters of Hamburg.");

        Assert.Equal("Harbin", result.City);
        Assert.Equal(["energy-climate"], result.Themes);
    }

    [Fact]
    public void A_reply_attribution_wrapped_over_two_lines_still_names_the_quoted_writer()
    {
        var result = Extract(
            "Hola Kasper:\n\nFinalmente seremos siete técnicos del Ayuntamiento. Llegaremos a Copenhague el martes 8 de junio por la noche y nos marcharemos el jueves 10 de junio.\n\nUn saludo,\nItziar\n\n"
            + "El mar, 16 mar 2027 a las 9:31, Kasper Munk (<kasper.munk@onepointentry.example>) escribió:\n"
            + "> Dear Itziar,\n> Thank you for your enquiry. Please note that the first week of June is very busy in Copenhagen, so if your dates are flexible, the week after would be easier for the hosts. Could you also confirm the size of the group?\n>\n"
            + "> El vie, 12 mar 2027 a las 13:05, Itziar Goikoetxea (<\n> igoikoetxea@vitoria-gasteiz.example.eus>) escribió:\n>\n"
            + ">> Estimados señores:\n>> El Ayuntamiento de Vitoria-Gasteiz está preparando una visita técnica a Copenhague del 1 al 3 de junio. Seremos 10 personas.\n");

        // One-Point Entry's own quoted reply is not read: the enquiry is in Spanish, and the newest numbers win.
        Assert.Equal("es", result.Language);
        Assert.Equal(7, result.DelegationSize);
        Assert.Equal(new DateOnly(2027, 6, 8), result.ArrivalDate);
    }
}
