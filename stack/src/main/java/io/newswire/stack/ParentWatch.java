package io.newswire.stack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes a child JVM exit when its parent dies: the parent holds the write end of the child's stdin, so the
 * child reads end-of-file as soon as the parent is gone, even after a kill -9. The exit runs the child's
 * shutdown hooks, so a broker still shuts down cleanly.
 */
public final class ParentWatch {
  private ParentWatch() {}

  public static void start() {
    Thread watch = new Thread(() -> {
      try {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
          // ignore input; we only wait for the end of it
        }
      } catch (IOException ignored) {
        // a broken pipe means the parent is gone too
      }
      System.exit(0);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
