package io.newswire.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodedTextTest {
  @Test
  void encodesAsTheJdkDoes() {
    String[] fixed = {"", "plain ASCII", "Zoë in Kraków", "“quoted” — dash", "Киев", "東京", "📰 news 📰",
        "lone \uD83D high", "lone \uDCF0 low", "\uDCF0\uD83D reversed", "end \uD83D"};
    for (String s : fixed) {
      assertThat(EncodedText.encode(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
    Random random = new Random(7);
    char[] alphabet = {'a', ' ', '\n', 'é', '€', '“', '\uD83D', '\uDCF0', '\u0000', '\u07FF', '\u0800', '\uFFFF'};
    for (int round = 0; round < 2000; round++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(chars);
      assertThat(EncodedText.encode(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void remembersByIdentity() {
    String text = "Zoë said “no”.";
    byte[] bytes = EncodedText.utf8(text);
    assertThat(EncodedText.lookup(text)).isSameAs(bytes);
    assertThat(EncodedText.lookup(new String(text))).isNull();
  }
}
