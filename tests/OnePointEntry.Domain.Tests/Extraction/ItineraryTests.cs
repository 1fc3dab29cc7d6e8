using System.Text;
using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

/// <summary>How the days in Denmark are told from a trip's other days, and the trip's stops from the delegation's home.</summary>
public sealed class ItineraryTests
{
    private static readonly DateTimeOffset s_sent = new(2027, 3, 18, 9, 30, 0, TimeSpan.FromHours(7));

    private static ExtractedEnquiry Extract(string text, DateTimeOffset? sent = null) =>
        EnquiryExtractor.Default.Extract(new MailContent
        {
            Text = text,
            Subject = "Study visit",
            FromAddress = "sender@example.org",
            SentAt = sent ?? s_sent,
        });

    private const string VietnameseTour =
        "Tôi là Trần Văn Minh, Trưởng phòng Hợp tác Quốc tế, Trường Đại học Khoa học và Công nghệ (Hà Nội).\n\n"
        + "Nhà trường dự kiến cử một đoàn công tác gồm 11 thành viên sang châu Âu từ ngày 3/6 đến ngày 11/6/2027. Lịch trình:\n\n"
        + "- 3/6 – 6/6: Hà Lan (làm việc với Đại học Công nghệ Delft)\n"
        + "- Thứ Hai 7/6 đến Thứ Tư 9/6: Đan Mạch (Copenhagen và Lyngby)\n"
        + "- 10/6 – 11/6: Thụy Điển (Đại học Lund), sau đó về nước\n\n"
        + "Trân trọng,\n\nTrần Văn Minh\nTrưởng phòng Hợp tác Quốc tế\nSố 18 đường Giải Phóng, Hà Nội\n";

    [Theory]
    [InlineData(NormalizationForm.FormC)]
    // Windows-1258 writes a Vietnamese letter and its tone mark as two characters.
    [InlineData(NormalizationForm.FormD)]
    public void A_tour_written_with_letters_and_accents_apart_reads_as_when_they_are_one(NormalizationForm form)
    {
        var result = Extract(VietnameseTour.Normalize(form));

        Assert.Equal("VN", result.Country);
        Assert.Equal("Hanoi", result.City);
        Assert.Equal(new DateOnly(2027, 6, 7), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 6, 9), result.DepartureDate);
    }

    [Fact]
    public void The_place_of_a_past_meeting_is_not_the_delegations_home()
    {
        var result = Extract("Vi har kendt dem siden et netværksmøde i Toronto i 2024. Nu vil en gruppe fra byen Calgary gerne på studiebesøg i Danmark.");

        Assert.Equal("Calgary", result.City);
    }

    [Fact]
    public void The_city_of_the_embassy_that_passes_an_enquiry_on_is_not_the_delegations_home()
    {
        var result = Extract("Ambassaden i Mexico City har modtaget en henvendelse fra delstatsregeringen i Jalisco om et studiebesøg i København.");

        Assert.Equal("MX", result.Country);
        Assert.Equal("Jalisco", result.Region);
        Assert.Null(result.City);
    }

    [Fact]
    public void The_day_a_delegation_leaves_for_its_next_stop_is_its_last_in_denmark()
    {
        var result = Extract(
            "The delegation of the Ministry will now arrive in Copenhagen on the evening of Monday 22 March, have meetings on 23 and 24 March, and leave for Helsinki on the morning of 25 March.",
            new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateOnly(2027, 3, 22), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 3, 25), result.DepartureDate);
    }

    [Fact]
    public void An_evening_arrival_from_the_previous_stop_is_the_first_day_in_denmark()
    {
        var result = Extract(
            "Our itinerary:\n  * Stockholm: 5/5–5/8\n  * Copenhagen: 5/10–5/12 (we come down from Stockholm on the train and get in late on Sunday 5/9)\n  * Hamburg: 5/13–5/14, flying home from there\n"
            + "We will be 14 planners from Portland, Oregon.",
            new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(-8)));

        Assert.Equal(new DateOnly(2027, 5, 9), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 5, 12), result.DepartureDate);
    }

    [Fact]
    public void Two_dates_with_weekdays_joined_by_through_are_one_stay()
    {
        var result = Extract(
            "Our tentative plan is to be in Copenhagen Monday 6/8 through Wednesday 6/10 (we fly in early Monday morning). The group will be 18 in total.",
            new DateTimeOffset(2026, 1, 22, 16, 41, 0, TimeSpan.FromHours(-6)));

        Assert.Equal(new DateOnly(2026, 6, 8), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 6, 10), result.DepartureDate);
    }

    [Fact]
    public void A_chinese_day_that_flies_on_to_the_next_country_is_the_last_in_denmark()
    {
        var result = Extract(
            "我院师生一行28人。时间：已确定为7月6日（周一）上午抵达哥本哈根，7月8日（周三）晚乘飞机前往赫尔辛基。",
            new DateTimeOffset(2026, 4, 10, 21, 17, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateOnly(2026, 7, 6), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 7, 8), result.DepartureDate);
        // The evidence quotes the words as written, weekdays and all.
        Assert.Contains("7月6日（周一）上午抵达", Assert.Single(result.Evidence, e => e.Field == "arrivalDate").Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我市代表团一行6人拟于2027年11月赴丹麦考察。\n日程安排：\n11月3日 上午抵达哥本哈根\n11月5日 下午离开哥本哈根")]
    [InlineData("Our group of six plans to travel to Denmark in November 2027.\nWe would arrive in Copenhagen on 3 November and leave on 5 November.")]
    public void Days_written_without_a_year_are_in_the_year_the_text_gives_their_month(string text)
    {
        // Sent a week before the 3rd of November 2026: without the year the text gives, the next 3 November.
        var result = Extract(text, new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateOnly(2027, 11, 3), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 11, 5), result.DepartureDate);
    }

    [Fact]
    public void A_month_the_text_gives_two_years_leaves_the_year_to_the_mails_date()
    {
        var result = Extract(
            "We visited Copenhagen in November 2025 and would like to come back.\nPlans for November 2027 are open; this year we propose: 3 November arrive in Copenhagen, 5 November leave.",
            new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateOnly(2026, 11, 3), result.ArrivalDate);
    }

    [Fact]
    public void A_forwarding_note_that_gives_only_its_own_legs_day_leaves_the_visit_to_the_original()
    {
        var result = Extract(
            "Hej!\nVidarebefordrar en förfrågan från Gemeente Utrecht. Vi tar hand om deras dag i Malmö (onsdag 3 juni), men de vill även göra ett dagsbesök i Köpenhamn.\n\nVänliga hälsningar\nJohan\nMalmö stad\n\n"
            + "-------- Vidarebefordrat meddelande --------\nFrån: Eva de Boer <eva@utrecht.example.nl>\nSkickat: den 10 mars 2026 09:33\nÄmne: Werkbezoek\n\n"
            + "Beste collega's,\nEen delegatie van twaalf personen van de gemeente Utrecht komt naar de Øresundregio:\n"
            + "woensdag 3 juni – Malmö\ndonderdag 4 juni – dagbezoek Kopenhagen, 's avonds vlucht terug naar Schiphol\n",
            new DateTimeOffset(2026, 3, 12, 14, 18, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateOnly(2026, 6, 4), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 6, 4), result.DepartureDate);
    }

    [Theory]
    [InlineData("Somos siete técnicos. Llegaremos a Copenhague el martes 8 de junio por la noche y nos marcharemos el jueves 10 a media tarde.", 10)]
    [InlineData("代表团一行7人，6月8日晚抵达哥本哈根，10日下午离开。", 10)]
    [InlineData("The group of 7 will arrive in Copenhagen on 8 June and leave on the 10th.", 10)]
    public void A_departure_said_with_its_day_alone_closes_the_visit_in_the_arrivals_month(string text, int day)
    {
        var result = Extract(text, new DateTimeOffset(2027, 3, 16, 9, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateOnly(2027, 6, 8), result.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 6, day), result.DepartureDate);
    }

    [Fact]
    public void A_count_after_a_departure_word_is_no_day()
    {
        var result = Extract("The delegation will arrive in Copenhagen on 8 June 2027 and leave with 10 people from our partner city.");

        Assert.Equal(result.ArrivalDate, result.DepartureDate);
    }

    [Fact]
    public void A_city_named_like_another_countrys_is_the_one_whose_state_the_mail_names()
    {
        var result = Extract("I'm putting together a European study tour for a group from City of Newcastle (NSW) council in April and was pointed your way for the Danish leg.");

        Assert.Equal("AU", result.Country);
        Assert.Equal("New South Wales", result.Region);
        Assert.Equal("Newcastle", result.City);
    }

    [Fact]
    public void A_chinese_programme_row_that_arrives_from_the_previous_stop_starts_the_visit()
    {
        var result = Extract(
            "哈尔滨市发展和改革委员会拟于今年6月组团赴瑞典、丹麦两国开展考察交流，一行八人。行程初步安排如下：\n"
            + "6月12日至14日  瑞典斯德哥尔摩\n6月14日（周日）晚  乘火车由斯德哥尔摩抵达哥本哈根\n6月15日至16日  在哥本哈根地区考察\n6月17日（周三）上午  由哥本哈根机场乘机回国\n",
            new DateTimeOffset(2026, 3, 10, 9, 12, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateOnly(2026, 6, 14), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 6, 17), result.DepartureDate);
    }

    [Fact]
    public void A_street_named_after_a_city_is_no_rival_for_the_home()
    {
        var result = Extract("本所規劃於今年三月率領師生赴丹麥進行教學參訪，一行共十六人。\n\n林怡君\n100025 臺北市中正區徐州路17號");

        Assert.Equal("Taipei", result.City);
        Assert.Equal("TW", result.Country);
    }

    [Fact]
    public void A_korean_original_under_a_swedish_note_is_the_enquirys_language()
    {
        var result = Extract(
            "Hej!\nVi har fått en förfrågan från Suwon som vi vidarebefordrar till er. De vill besöka Köpenhamn i september.\n\nVänliga hälsningar\nAnnika\nLunds kommun\n\n"
            + "-------- Vidarebefordrat meddelande --------\nFrån: 김지현 <jhkim@suwon.example.kr>\nÄmne: 방문 요청\n\n"
            + "안녕하십니까. 수원시 바이오산업과 김지현입니다. 저희 방문단이 9월에 코펜하겐을 방문하여 생명과학 클러스터를 견학하고자 합니다.\n");

        Assert.Equal("ko", result.Language);
    }
}
