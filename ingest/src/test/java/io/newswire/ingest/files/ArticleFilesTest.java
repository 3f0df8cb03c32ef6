package io.newswire.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.SourceItem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
  @TempDir Path dir;
  ArticleFiles files = new ArticleFiles(1024 * 1024);

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  ArticleDraft only(List<SourceItem> items) {
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(SourceItem.Draft.class);
    return ((SourceItem.Draft) items.get(0)).draft();
  }

  @Test
  void markdownWithFrontMatter() throws IOException {
    ArticleDraft d = only(files.read(write("a.md", """
        ---
        title: "Harbour reopens after storm"
        url: https://example.com/harbour
        date: 2025-03-04T08:00:00Z
        author: Desk
        ---
        The **harbour** reopened on [Monday](https://example.com/monday).

        - Ferries resumed
        """)));
    assertThat(d.title()).isEqualTo("Harbour reopens after storm");
    assertThat(d.url()).isEqualTo("https://example.com/harbour");
    assertThat(d.publishedAt()).isEqualTo(Instant.parse("2025-03-04T08:00:00Z"));
    assertThat(d.body()).contains("The harbour reopened on Monday.").contains("Ferries resumed").doesNotContain("**");
    assertThat(d.metadata()).containsEntry("author", "Desk");
  }

  @Test
  void markdownHeadingIsTheTitle() throws IOException {
    ArticleDraft d = only(files.read(write("b.markdown", "# Council votes on budget\n\nThe council voted.\n")));
    assertThat(d.title()).isEqualTo("Council votes on budget");
    assertThat(d.body().strip()).isEqualTo("The council voted.");
  }

  @Test
  void htmlKeepsTheArticleAndDropsBoilerplate() throws IOException {
    ArticleDraft d = only(files.read(write("c.html", """
        <html><head><title>Site | Story</title>
        <meta property="og:title" content="Dam opens floodgates">
        <link rel="canonical" href="https://example.com/dam">
        <meta property="article:published_time" content="2025-05-01T10:00:00+02:00"></head>
        <body><nav>Home | World | Sport</nav>
        <article><h1>Dam opens floodgates</h1><p>Engineers opened the gates at dawn.</p>
        <aside class="related">Read more: other stories</aside><p>Villages downstream were warned.</p></article>
        <footer>Copyright</footer></body></html>
        """)));
    assertThat(d.title()).isEqualTo("Dam opens floodgates");
    assertThat(d.url()).isEqualTo("https://example.com/dam");
    assertThat(d.publishedAt()).isEqualTo(Instant.parse("2025-05-01T08:00:00Z"));
    assertThat(d.body()).isEqualTo("Engineers opened the gates at dawn.\n\nVillages downstream were warned.");
  }

  @Test
  void jsonLinesKeepGoodLinesAndReportBadOnesByLineNumber() throws IOException {
    List<SourceItem> items = files.read(write("d.jsonl", """
        {"title":"One","body":"First body.","url":"https://example.com/1","published":"2025-01-02"}
        {"title":"Two", "body":
        {"title":"Three"}

        {"headline":"Four","text":"Fourth body.","section":"World"}
        """));
    assertThat(items).hasSize(4);
    assertThat(items.get(0)).isInstanceOf(SourceItem.Draft.class);
    assertThat(items.get(1)).isInstanceOfSatisfying(SourceItem.Unreadable.class, u -> {
      assertThat(u.origin()).endsWith("d.jsonl:2");
      assertThat(u.reason().getMessage()).contains("Line 2 is not valid JSON");
    });
    assertThat(items.get(2)).isInstanceOfSatisfying(SourceItem.Unreadable.class,
        u -> assertThat(u.reason().getMessage()).contains("no \"body\""));
    ArticleDraft four = ((SourceItem.Draft) items.get(3)).draft();
    assertThat(four.title()).isEqualTo("Four");
    assertThat(four.metadata()).containsEntry("section", "World");
  }

  @Test
  void jsonArrayAndObject() throws IOException {
    assertThat(files.read(write("e.json", "[{\"body\":\"x\"},{\"body\":\"y\"}]"))).hasSize(2);
    assertThat(files.read(write("f.json", "{\"body\":\"x\"}"))).hasSize(1);
    assertThat(files.read(write("g.json", "{\"body\":"))).singleElement().isInstanceOf(SourceItem.Unreadable.class);
  }

  @Test
  void latin1TextIsDecodedWhenItIsNotUtf8() throws IOException {
    Path file = dir.resolve("h.txt");
    Files.write(file, "Caf\u00e9 reopens\n\nThe caf\u00e9 in S\u00e3o Paulo reopened.".getBytes(Charset.forName("windows-1252")));
    assertThat(only(files.read(file)).body()).contains("café", "São Paulo");
  }

  @Test
  void binaryJunkAndUtf16AreRefusedAsNotText() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[100] = 0;
    Path binary = dir.resolve("photo.txt");
    Files.write(binary, junk);
    assertThat(files.read(binary)).singleElement().isInstanceOfSatisfying(SourceItem.Unreadable.class,
        u -> assertThat(u.reason().getMessage()).startsWith("Not text: a NUL byte at offset"));
    Path utf16 = dir.resolve("wide.txt");
    Files.write(utf16, "Wide title\n\nWide body.".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    assertThat(files.read(utf16)).singleElement().isInstanceOfSatisfying(SourceItem.Unreadable.class,
        u -> assertThat(u.reason().getMessage()).contains("UTF-16"));
  }

  @Test
  void oversizedAndUnknownFilesAreUnreadableWithAReason() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.write(big, new byte[2 * 1024 * 1024]);
    assertThat(files.read(big)).singleElement().isInstanceOfSatisfying(SourceItem.Unreadable.class,
        u -> assertThat(u.reason().getMessage()).contains("over the 1048576-byte limit"));
    assertThat(files.read(dir.resolve("missing.txt"))).singleElement().isInstanceOf(SourceItem.Unreadable.class);
  }

  @Test
  void foldersAndGlobsExpandToArticleFiles() throws IOException {
    Files.createDirectories(dir.resolve("x/y"));
    write("x/a.md", "a");
    write("x/y/b.txt", "b");
    write("x/y/c.png", "c");
    assertThat(FileIngest.expand(List.of(dir.resolve("x").toString())))
        .extracting(p -> p.getFileName().toString()).containsExactly("a.md", "b.txt");
    assertThat(FileIngest.expand(List.of(dir + "/x/**/*.txt")))
        .extracting(p -> p.getFileName().toString()).containsExactly("b.txt");
  }

  @Test
  void wrappedLinesJoinIntoParagraphs() throws IOException {
    ArticleDraft d = only(files.read(write("w.txt", "Ferry strike ends\n\nThe strike ended on\nFriday after talks.\n\nBoats sail\nagain today.\n")));
    assertThat(d.title()).isEqualTo("Ferry strike ends");
    assertThat(d.body()).isEqualTo("The strike ended on Friday after talks.\n\nBoats sail again today.");
  }

  @Test
  void theRowsOfAResultsListKeepTheirLinesAndAHeadingOnItsOwnLineIsTheTitle() throws IOException {
    ArticleDraft d = only(files.read(write("r.txt",
        "Eredivisie results\nAjax 2 PSV Eindhoven 2\nFeyenoord 3 AZ Alkmaar 0\nTwente 1 Utrecht 1\n")));
    assertThat(d.title()).isEqualTo("Eredivisie results");
    assertThat(d.body()).isEqualTo("Ajax 2 PSV Eindhoven 2\nFeyenoord 3 AZ Alkmaar 0\nTwente 1 Utrecht 1");
    ArticleDraft standings = only(files.read(write("s.txt",
        "Serie A standings\n\nInter Milan    24  18  4  2\nJuventus       24  15  7  2\n")));
    assertThat(standings.body()).isEqualTo("Inter Milan    24  18  4  2\nJuventus       24  15  7  2");
    ArticleDraft heading = only(files.read(write("h.txt", "Storm warning\nHeavy rain and strong winds are expected"
        + " along the coast\nfrom Friday evening, forecasters said.\n")));
    assertThat(heading.title()).isEqualTo("Storm warning");
    assertThat(heading.body()).isEqualTo("Heavy rain and strong winds are expected along the coast"
        + " from Friday evening, forecasters said.");
    // A first line that continues into the next, or ends as a sentence, is text: no title is taken from it.
    ArticleDraft prose = only(files.read(write("p.txt", "The council met on Tuesday.\nIt voted to close the old"
        + " harbour bridge for repairs over the winter.\n")));
    assertThat(prose.title()).isNull();
    ArticleDraft rows = only(files.read(write("q.txt", "Ajax 2 PSV Eindhoven 2\nFeyenoord 3 AZ Alkmaar 0\n")));
    assertThat(rows.title()).isNull();
  }
}
