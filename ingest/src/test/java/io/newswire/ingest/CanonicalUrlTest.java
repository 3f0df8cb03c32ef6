package io.newswire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {
  @ParameterizedTest
  @CsvSource({
      "https://News.Example.COM/world/story?utm_source=x&utm_medium=y#top, https://news.example.com/world/story",
      "http://example.com:80/a?id=7&fbclid=abc, http://example.com/a?id=7",
      "https://example.com:443, https://example.com/",
      "https://example.com:8443/a?gclid=1&page=2, https://example.com:8443/a?page=2",
      "HTTPS://example.com/a/b/?ref_src=twsrc, https://example.com/a/b/",
  })
  void dropsTrackingAndNormalisesHostAndPort(String in, String expected) {
    assertThat(CanonicalUrl.of(in)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"not a url", "ftp://example.com/file", "mailto:desk@example.com", "/relative/path"})
  void rejectsWhatIsNotAnAbsoluteWebUrl(String in) {
    assertThat(CanonicalUrl.of(in)).isNull();
  }
}
