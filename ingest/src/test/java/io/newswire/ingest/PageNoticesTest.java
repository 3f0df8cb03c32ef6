package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageNoticesTest {
  @Test
  void datelinesViewCountsAndAdvertLabelsAreNotices() {
    assertThat(PageNotices.isNotice("Posted: Nov 8, 2023 / 04:43 PM CST")).isTrue();
    assertThat(PageNotices.isNotice("Updated: Nov 8, 2023 / 04:43 PM CST")).isTrue();
    assertThat(PageNotices.isNotice("Posted: Thursday, April 21, 2022. 10:11 pm CST.")).isTrue();
    assertThat(PageNotices.isNotice("Posted on 2015-04-05 by marc")).isTrue();
    assertThat(PageNotices.isNotice("Posted on September 21, 2020 by Ana Lindqvist")).isTrue();
    assertThat(PageNotices.isNotice("Updated June 13, 2019")).isTrue();
    assertThat(PageNotices.isNotice("Published 3 hours ago")).isTrue();
    assertThat(PageNotices.isNotice("Views: 184")).isTrue();
    assertThat(PageNotices.isNotice("Advertisement")).isTrue();
    assertThat(PageNotices.isNotice("Anzeige")).isTrue();
  }

  @Test
  void scriptNoticesInSeveralWordingsAreNotices() {
    assertThat(PageNotices.isNotice("Sorry, but your browser needs Javascript to use this site. If you're not sure"
        + " how to activate it, please see the help page.")).isTrue();
    assertThat(PageNotices.isNotice("Please enable JavaScript to view this content.")).isTrue();
    assertThat(PageNotices.isNotice("Aktivieren Sie JavaScript um das Video zu sehen.")).isTrue();
    assertThat(PageNotices.isNotice("JavaScript is disabled in your browser.")).isTrue();
  }

  @Test
  void proseThatLooksLikeANoticeStays() {
    assertThat(PageNotices.isNotice("Posted from a phone. The rest of my favourite links are below.")).isFalse();
    assertThat(PageNotices.isNotice("Posted by Alex Moreau, Marketing")).isFalse();
    assertThat(PageNotices.isNotice("Published in 2019, the report found that rents rose by 4 %.")).isFalse();
    assertThat(PageNotices.isNotice("We had to rewrite how we load JavaScript on every page.")).isFalse();
    assertThat(PageNotices.isNotice("The advertisement ran for three weeks.")).isFalse();
    assertThat(PageNotices.isNotice("Views differ on the plan, 2 to 1.")).isFalse();
  }

  @Test
  void aPageLosesItsNoticesAndKeepsItsStory() {
    String html = "<html><body><article><h1>Storm floods the coast road</h1>"
        + "<p>Sorry, but your browser needs Javascript to use this site.</p>"
        + "<p>Views: 184<br>Posted: Thursday, April 21, 2022. 10:11 pm CST.</p>"
        + "<p>Heavy rain closed the coast road on Thursday, and crews worked through the night to clear it,"
        + " officials said.</p><p>Advertisement</p>"
        + "<p>The road reopened on Friday morning after the water had drained away from the low stretch near"
        + " the harbour.</p></article></body></html>";
    String body = HtmlArticle.extract("https://news.example/storm", Jsoup.parse(html)).body();
    assertThat(body).startsWith("Heavy rain closed the coast road")
        .contains("The road reopened on Friday morning")
        .doesNotContain("Javascript").doesNotContain("Views").doesNotContain("Posted").doesNotContain("Advertisement");
  }
}
