package io.newswire.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
  @TempDir Path dir;

  @Test
  void readsFeedsWithTheirOptions() throws Exception {
    Path file = Files.writeString(dir.resolve("feeds.txt"), """
        # local papers
        https://gazette.example/rss.xml
        https://valley.example/rss  every=10m  pages=true  name="Valley Courier"   # summaries only
        """);
    List<FeedSubscription> feeds = FeedList.read(file, Duration.ofMinutes(5));
    assertThat(feeds).containsExactly(
        new FeedSubscription(java.net.URI.create("https://gazette.example/rss.xml"), "gazette.example", Duration.ofMinutes(5), false),
        new FeedSubscription(java.net.URI.create("https://valley.example/rss"), "Valley Courier", Duration.ofMinutes(10), true));
  }

  @Test
  void importsOpml() throws Exception {
    Path file = Files.writeString(dir.resolve("export.opml"), """
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>Subscriptions</title></head><body>
          <outline text="News"><outline text="Gazette" type="rss" xmlUrl="https://gazette.example/rss.xml"/></outline>
          <outline title="Science Notes" type="rss" xmlUrl="https://science.example/atom"/>
        </body></opml>
        """);
    assertThat(FeedList.read(file, Duration.ofMinutes(5))).extracting(FeedSubscription::name)
        .containsExactly("Gazette", "Science Notes");
  }

  @Test
  void mistakesNameTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.txt"), "https://ok.example/rss\nftp://nope.example/feed\n");
    assertThatThrownBy(() -> FeedList.read(file, Duration.ofMinutes(5)))
        .hasMessageContaining("bad.txt:2").hasMessageContaining("not an http(s) feed URL");
    Path option = Files.writeString(dir.resolve("option.txt"), "https://ok.example/rss often=yes\n");
    assertThatThrownBy(() -> FeedList.read(option, Duration.ofMinutes(5))).hasMessageContaining("unknown option 'often'");
  }
}
