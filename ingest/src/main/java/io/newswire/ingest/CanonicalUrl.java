package io.newswire.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, so that the same article reached through different links gets one
 * id: tracking parameters and the fragment dropped, scheme and host lower-cased, default ports removed,
 * an empty path made "/".
 */
public final class CanonicalUrl {
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "ref_src",
      "cmpid", "ocid", "smid", "mbid", "at_medium", "at_campaign", "wt.mc_id", "spm", "share", "s_cid");

  private CanonicalUrl() {}

  /** The canonical URL, or null when {@code url} is blank or not an absolute http(s) URL. */
  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.trim().replace(" ", "%20"));
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return null;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      int port = uri.getPort();
      if (port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme)) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      StringBuilder out = new StringBuilder(scheme).append("://").append(host);
      if (port != -1) {
        out.append(':').append(port);
      }
      out.append(path);
      String query = keptQuery(uri.getRawQuery());
      if (!query.isEmpty()) {
        out.append('?').append(query);
      }
      return out.toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
