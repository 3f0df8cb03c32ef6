package io.newswire.dev;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A readable summary of each stored article, read back from PostgreSQL: what a user would query. */
final class ArticleSummaries {
  private ArticleSummaries() {}

  static String render(String url, String user, String password) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      List<String[]> articles = rows(c, "SELECT id, title, coalesce(language, '?'), tagger FROM articles"
          + " ORDER BY published_at NULLS LAST, title");
      int n = 0;
      for (String[] a : articles) {
        String id = a[0];
        out.append(String.format("%d. %s  [%s]%n", ++n, a[1], a[2]));
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (String type : new String[] {"PER", "ORG", "LOC", "MISC"}) {
          byType.put(type, new ArrayList<>());
        }
        for (String[] e : rows(c, "SELECT e.type, e.name, ae.mention_count FROM article_entities ae JOIN entities e"
            + " ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY ae.salience DESC, e.name", id)) {
          byType.get(e[0]).add(e[1] + (Integer.parseInt(e[2]) > 1 ? " ×" + e[2] : ""));
        }
        line(out, "People", byType.get("PER"));
        line(out, "Organisations", byType.get("ORG"));
        List<String> places = new ArrayList<>();
        for (String[] p : rows(c, "SELECT name, round(latitude::numeric, 2), round(longitude::numeric, 2),"
            + " coalesce(country_code, '?') FROM places WHERE article_id = ? ORDER BY name", id)) {
          places.add(p[0] + " (" + p[1] + ", " + p[2] + " " + p[3] + ")");
        }
        List<String> otherPlaces = new ArrayList<>(byType.get("LOC"));
        otherPlaces.removeIf(name -> places.stream().anyMatch(p -> p.startsWith(name.replaceAll(" ×\\d+$", "") + " (")));
        places.addAll(otherPlaces);
        line(out, "Places", places);
        line(out, "Other", byType.get("MISC"));
        List<String> topics = new ArrayList<>();
        for (String[] t : rows(c, "SELECT label, round(score::numeric, 2) FROM article_topics WHERE article_id = ?"
            + " ORDER BY score DESC", id)) {
          topics.add(t[0] + " " + t[1]);
        }
        line(out, "Topics", topics);
        for (String[] q : rows(c, "SELECT text, coalesce(speaker, 'unattributed') FROM quotes WHERE article_id = ?"
            + " ORDER BY start_offset", id)) {
          String text = q[0].length() > 90 ? q[0].substring(0, 87) + "..." : q[0];
          out.append(String.format("   %-14s “%s” — %s%n", "Quote", text, q[1]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, List<String> values) {
    if (!values.isEmpty()) {
      out.append(String.format("   %-14s %s%n", label, String.join(", ", values)));
    }
  }

  private static List<String[]> rows(Connection c, String sql, String... params) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getString(i + 1);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
