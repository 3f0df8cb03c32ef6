package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TagCommandTest {
  @Test
  void conllInputIsReadInItsOwnCharsetSoTokensGoOutByteForByte() throws Exception {
    byte[] latin1 = "Jos\u00e9 B-PER\nMourinho I-PER\n".getBytes(StandardCharsets.ISO_8859_1);
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(latin1));
    assertThat(TagCommand.charsetOf(in)).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(in.readAllBytes()).isEqualTo(latin1); // nothing consumed by the look

    byte[] utf8 = "Jos\u00e9 B-PER\nS\u00e3o Paulo\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TagCommand.charsetOf(new BufferedInputStream(new ByteArrayInputStream(utf8))))
        .isEqualTo(StandardCharsets.UTF_8);
    // A multi-byte character cut by the end of the look is still UTF-8.
    byte[] cut = java.util.Arrays.copyOf(utf8, 4);
    assertThat(TagCommand.charsetOf(new BufferedInputStream(new ByteArrayInputStream(cut))))
        .isEqualTo(StandardCharsets.UTF_8);
  }
}
