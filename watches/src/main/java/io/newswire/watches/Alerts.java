package io.newswire.watches;

import io.newswire.schema.Alert;
import io.newswire.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The alert an article raises for a watch. */
public final class Alerts {
  private Alerts() {}

  /** The same for the same watch and article, so a receiver can drop an alert delivered twice. */
  public static String id(String watchId, String articleId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((watchId + "\n" + articleId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Alert of(WatchIndex.Match match, EnrichedArticle article, Instant now) {
    var raw = article.getArticle();
    Instant articleTime = raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getFetchedAt();
    return Alert.newBuilder()
        .setId(id(match.watch().getId(), raw.getId()))
        .setWatchId(match.watch().getId())
        .setWatchName(match.watch().getName())
        .setArticleId(raw.getId())
        .setTitle(raw.getTitle())
        .setUrl(raw.getUrl())
        .setSource(raw.getFeed() != null ? raw.getFeed() : raw.getSource())
        .setMatched(match.matched())
        .setWebhook(match.watch().getWebhook())
        .setArticleTime(articleTime)
        .setAlertedAt(now)
        .build();
  }
}
