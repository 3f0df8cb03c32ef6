package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedTextTest {
  @Test
  void remembersByIdentity() {
    String text = "Zoë said “no”.";
    byte[] bytes = EncodedText.utf8(text);
    assertThat(EncodedText.lookup(text)).isSameAs(bytes);
    assertThat(bytes).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(EncodedText.lookup(new String(text))).isNull();
  }
}
