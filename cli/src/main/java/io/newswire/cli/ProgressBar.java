package io.newswire.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal; plain periodic lines when output is not a terminal. */
public final class ProgressBar {
  private final PrintStream out;
  private final String label;
  private final boolean terminal = System.console() != null;
  private long lastPrint;

  public ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  public void update(long done, long total) {
    long now = System.currentTimeMillis();
    boolean last = done >= total;
    if (!last && now - lastPrint < (terminal ? 100 : 5000)) {
      return;
    }
    lastPrint = now;
    int width = 30;
    int filled = total == 0 ? width : (int) (width * done / total);
    String line = String.format("%s [%s%s] %d/%d", label, "#".repeat(filled), " ".repeat(width - filled), done, total);
    if (terminal) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }
}
