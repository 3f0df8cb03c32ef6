package io.newswire.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tagger's tab-separated data files from the classpath, skipping comments. */
final class Resources {
  private Resources() {}

  static List<String[]> tsv(String name) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(name)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  /** Every line of a data file, comments included (some carry directives). */
  static List<String> lines(String name) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Tagger data file " + name + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
