package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Pages written for the project, one per kind of failure real pages showed: the story must come out, and the
 * comments, teasers, menus and promotions must not.
 */
class HtmlArticleTest {
  static final String STORY = "<p>The city council voted on Tuesday to close the old harbour bridge for repairs, a decision"
      + " that will divert some 40,000 vehicles a day, according to the transport office.</p>"
      + "<p>Engineers found cracks in three of the bridge's steel girders last month, and the council said the work,"
      + " which will cost about 12 million euros, could take until the spring.</p>"
      + "<p>Shop owners near the bridge said they feared for their trade, while cycling groups welcomed the closure"
      + " as a chance to test a car-free crossing.</p>";

  static ArticleDraft extract(String html) {
    return HtmlArticle.extract("test", Jsoup.parse(html, "https://news.example/bridge"));
  }

  @Test
  void theOnlyArticleElementBeingACommentDoesNotWin() {
    ArticleDraft a = extract("<html><body><div class='post-body'><h1>Bridge to close</h1>" + STORY + "</div>"
        + "<section id='comments'><article class='comment'><p>First! Great article, thanks for sharing, really.</p>"
        + "</article></section></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing").doesNotContain("First!");
  }

  @Test
  void aWholePageWrapperNamedForARecommendationVendorStaysWhileTheVendorsOwnBlockGoes() {
    ArticleDraft a = extract("<html><body><div id='theme-taboola'><main id='main'><h1>Bridge to close</h1>"
        + "<article class='section'>" + STORY + "</article></main>"
        + "<div class='taboola-feed'><p>You will not believe what this celebrity looks like today, number seven.</p>"
        + "</div></div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing").doesNotContain("celebrity");
  }

  @Test
  void aStoryOfBrSeparatedTextIsFoundAndKeepsItsLines() {
    String text = STORY.replace("<p>", "").replace("</p>", "<br><br>");
    ArticleDraft a = extract("<html><body><div class='menu'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        + "<div class='txt'>" + text + "</div><ul class='most-read'><li><a href='/a'>Another story entirely</a></li>"
        + "<li><a href='/b'>And one more teaser here</a></li></ul></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "12 million euros", "car-free crossing")
        .doesNotContain("Another story entirely", "Home");
    assertThat(a.body().split("\n\n").length).isGreaterThanOrEqualTo(3);
  }

  @Test
  void errorMessagesABrokenPhpSitePrintsAreNotText() {
    String warning = "<br />\n<b>Warning</b>:  Use of undefined constant comments - assumed 'comments' in "
        + "<b>/htdocs/wp-content/plugins/recent-comments.php</b> on line <b>928</b><br />\n";
    ArticleDraft a = extract("<html><body>" + warning.repeat(40) + "<div class='post'>" + STORY + "</div>"
        + "<div>Notice: Undefined index: id in /var/www/index.php on line 12</div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing")
        .doesNotContain("undefined constant", "Undefined index", "on line");
    // Without a PHP file named, it is the news.
    ArticleDraft news = extract("<html><body><article><h1>Tube</h1>" + STORY
        + "<p>Warning: severe delays on line 4 this morning.</p></article></body></html>");
    assertThat(news.body()).contains("Warning: severe delays on line 4");
    // Nor is an example of one that a page shows as code.
    ArticleDraft tutorial = extract("<html><body><article><h1>PHP errors</h1>" + STORY
        + "<pre><b>Warning</b>: Undefined variable $x in /var/www/test.php on line 3</pre></article></body></html>");
    assertThat(tutorial.body()).contains("Undefined variable $x in /var/www/test.php on line 3");
  }

  @Test
  void aTableOfShortCellsKeepsItsRowsOneALine() {
    ArticleDraft a = extract("<html><body><article><h1>Weekend results</h1>" + STORY
        + "<table><tr><th>Home</th><th></th><th>Away</th><th></th></tr>"
        + "<tr><td>Ajax</td><td>2</td><td>PSV Eindhoven</td><td>2</td></tr>"
        + "<tr><td>Feyenoord</td><td>3</td><td>AZ Alkmaar</td><td>0</td></tr></table></article></body></html>");
    assertThat(a.body()).contains("Home | Away\nAjax | 2 | PSV Eindhoven | 2\nFeyenoord | 3 | AZ Alkmaar | 0");
    // A cell that holds paragraphs (a page laid out in a table) is still read paragraph by paragraph.
    ArticleDraft layout = extract("<html><body><table><tr><td class='nav'>Menu</td><td>" + STORY
        + "</td></tr></table></body></html>");
    assertThat(layout.body()).contains("40,000 vehicles").doesNotContain(" | ");
  }

  @Test
  void paragraphsInDivsBeatTheReaderComments() {
    String divs = STORY.replace("<p>", "<div>").replace("</p>", "</div>");
    ArticleDraft a = extract("<html><body><div class='story'>" + divs + "</div>"
        + "<div class='comments'><p>I drive over it daily, this is a nightmare, honestly, for everyone.</p>"
        + "<p>Typical council, always late, always over budget, never listening, as usual.</p></div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing").doesNotContain("nightmare", "Typical council");
  }

  @Test
  void aPageWithoutParagraphsKeepsItsTextNotItsMenus() {
    ArticleDraft a = extract("<html><body><ul class='nav'><li><a href='/1'>Politics</a></li><li><a href='/2'>Sport</a>"
        + "</li></ul><font>" + STORY.replace("<p>", "").replace("</p>", "<br>") + "</font></body></html>");
    assertThat(a.body()).contains("40,000 vehicles").doesNotContain("Politics");
  }

  @Test
  void relatedStoriesAndTheirHeadingAreLeftOut() {
    ArticleDraft a = extract("<html><body><article>" + STORY + "<h3>Related stories</h3><ul><li><a href='/x'>Ferry"
        + " strike ends after two weeks</a></li><li><a href='/y'>Tram line opens</a></li></ul></article></body></html>");
    assertThat(a.body()).contains("car-free crossing").doesNotContain("Related stories", "Ferry strike");
  }

  @Test
  void anArticleSplitIntoColumnsBetweenAdvertisementsIsTakenWhole() {
    String[] parts = STORY.split("(?<=</p>)");
    StringBuilder page = new StringBuilder("<html><body><div class='article'>");
    for (String part : parts) {
      page.append("<div class='row'><div class='col'>").append(part).append("</div></div>")
          .append("<aside class='ad'><p>Advertisement: the best mattress deals of the year, click now, today only.</p></aside>");
    }
    ArticleDraft a = extract(page.append("</div><div class='comments'><p>Typical council, always late, over budget.</p>"
        + "</div></body></html>").toString());
    assertThat(a.body()).contains("40,000 vehicles", "12 million euros", "car-free crossing")
        .doesNotContain("mattress", "Typical council");
  }

  @Test
  void aLogInBoxWithItsMessagesDoesNotOutweighAShortStory() {
    String messages = "<p>Please enter a valid e-mail address, with an @ and an existing domain name.</p>".repeat(6);
    ArticleDraft a = extract("<html><body><form class='account'><input type='email'><input type='password'>"
        + messages + "</form><div class='details'><p>" + Jsoup.parse(STORY).select("p").first().text()
        + "</p></div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles").doesNotContain("valid e-mail");
  }

  @Test
  void aLeadMarkedAsTheDescriptionStaysWhateverItsClassSays() {
    ArticleDraft a = extract("<html><body><h1>Bridge to close</h1><div class='teaser-detail' itemprop='description'>"
        + STORY.split("(?<=</p>)")[0] + "</div><div class='paywall'>Subscribe to read on.</div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles");
  }

  @Test
  void rubyReadingsAreNotRepeatedInTheText() {
    ArticleDraft a = extract("<html><body><div class='article-body'><p><ruby>法律<rt>ほうりつ</rt></ruby>ができて、"
        + "<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもを<ruby>守<rt>まも</rt></ruby>ることになりました。"
        + "児童相談所の力を強くしました。医者や保健師が意見を言ったり相談を聞いたりするようにしました。</p></div></body></html>");
    assertThat(a.body()).startsWith("法律ができて、子どもを守ることになりました。");
  }

  @Test
  void anArticleRenderedFromATemplateInItsOwnElementIsRead() {
    ArticleDraft a = extract("<html><body><div class='post-body' itemprop='articleBody'><script type='text/template'>"
        + STORY + "</script><noscript>Enable JavaScript.</noscript></div><div class='footer-links'>Give us feedback"
        + "</div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing");
  }

  @Test
  void jsonLdGivesTheBodyWhenThePageRendersItByScript() {
    ArticleDraft a = extract("<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        + "\"@type\":\"NewsArticle\",\"headline\":\"Bridge to close\",\"articleBody\":\"" + Jsoup.parse(STORY).text()
        + "\",\"datePublished\":\"2026-03-03T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},"
        + "{\"@type\":\"Person\",\"name\":\"https://facebook.com/someone\"}],\"articleSection\":\"City\"}</script></head>"
        + "<body><div id='app'>Loading…</div></body></html>");
    assertThat(a.body()).contains("40,000 vehicles", "car-free crossing");
    assertThat(a.title()).isEqualTo("Bridge to close");
    assertThat(a.publishedAt()).hasToString("2026-03-03T08:00:00Z");
    assertThat(a.metadata()).containsEntry("author", "Ana Ruiz").containsEntry("section", "City");
  }

  @Test
  void theHeadlineIsTheH1ThatTheTitleHoldsNotTheBlogsNameInAnotherH1() {
    ArticleDraft a = extract("<html><head><title>Ferry resumes – Notes from the River</title>"
        + "<meta property='og:site_name' content='Notes from the River'></head><body>"
        + "<h1 class='site-title'><a href='/'>Notes from the River</a></h1><h1 class='entry-title'>Ferry resumes</h1>"
        + STORY + "</body></html>");
    assertThat(a.title()).isEqualTo("Ferry resumes");
    ArticleDraft kicker = extract("<html><head><meta property='og:title' content='Harbour: Bridge to close for repairs'>"
        + "</head><body><h1>Bridge to close for repairs</h1>" + STORY + "</body></html>");
    assertThat(kicker.title()).isEqualTo("Bridge to close for repairs");
    assertThat(PageMetadata.withoutSiteName("Bridge to close for the winter repairs | City Post", null, null))
        .isEqualTo("Bridge to close for the winter repairs");
  }

  @Test
  void bylinesFromThemesAndGraphsWithoutTheirWordsAndNeverThePublication() {
    ArticleDraft vcard = extract("<html><body><span class='byline'><span class='author vcard'><a class='url fn n'"
        + " href='/author/ana'>Ana Ruiz</a></span></span>" + STORY + "</body></html>");
    assertThat(vcard.metadata()).containsEntry("author", "Ana Ruiz");
    ArticleDraft prefixed = extract("<html><head><meta name='author' content='Zeige alle Beiträge von Jonas Weber'>"
        + "</head><body>" + STORY + "</body></html>");
    assertThat(prefixed.metadata()).containsEntry("author", "Jonas Weber");
    ArticleDraft graph = extract("<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"Article\","
        + "\"author\":{\"@id\":\"https://news.example/#/person/1\"}},{\"@type\":\"Person\",\"@id\":"
        + "\"https://news.example/#/person/1\",\"name\":\"Mia Chen\"}]}</script></head><body>" + STORY + "</body></html>");
    assertThat(graph.metadata()).containsEntry("author", "Mia Chen");
    ArticleDraft publication = extract("<html><head><meta property='og:site_name' content='City Post'>"
        + "<meta name='author' content='City Post'></head><body>" + STORY + "</body></html>");
    assertThat(publication.metadata()).doesNotContainKey("author");
  }

  @Test
  void datesFromThePathFromThemesAndInDayMonthYear() {
    ArticleDraft path = HtmlArticle.extract("test", Jsoup.parse("<html><body>" + STORY + "</body></html>",
        "https://blog.example/2019/10/22/ferry-resumes/"));
    assertThat(path.publishedAt()).hasToString("2019-10-22T00:00:00Z");
    ArticleDraft abbr = extract("<html><body><abbr class='published' title='2017-07-23T17:06:45+0000'>23. Juli</abbr>"
        + STORY + "</body></html>");
    assertThat(abbr.publishedAt()).hasToString("2017-07-23T17:06:45Z");
    ArticleDraft german = extract("<html><body><div itemprop='datePublished'>20.06.2019 11:43</div>" + STORY
        + "</body></html>");
    assertThat(german.publishedAt()).hasToString("2019-06-20T11:43:00Z");
  }

  @Test
  void metadataFromGraphsOpenGraphAndTheMarkup() {
    ArticleDraft a = extract("<html lang='de'><head><title>Brücke wird gesperrt | Tagesblatt</title>"
        + "<meta property='og:site_name' content='Tagesblatt'>"
        + "<meta property='og:image' content='https://news.example/b.jpg'>"
        + "<meta name='author' content='https://www.facebook.com/tagesblatt'>"
        + "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Tagesblatt\"},"
        + "{\"@type\":\"Article\",\"datePublished\":\"2026-02-01\"}]}</script></head><body>" + STORY + "</body></html>");
    assertThat(a.title()).isEqualTo("Brücke wird gesperrt");
    assertThat(a.publishedAt()).isNotNull();
    assertThat(a.metadata()).containsEntry("language", "de").containsEntry("image", "https://news.example/b.jpg")
        .doesNotContainKey("author"); // a profile URL is not a name
  }

  @Test
  void aTitleLosesTheSiteNameAtEitherEnd() {
    assertThat(PageMetadata.withoutSiteName("Bridge to close - The Daily Example", "The Daily Example", null))
        .isEqualTo("Bridge to close");
    assertThat(PageMetadata.withoutSiteName("The Daily Example | Bridge to close", "The Daily Example", null))
        .isEqualTo("Bridge to close");
    assertThat(PageMetadata.withoutSiteName("Stocks: a calm week", null, null)).isEqualTo("Stocks: a calm week");
  }
}
