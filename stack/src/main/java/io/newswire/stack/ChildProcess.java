package io.newswire.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM, its output in a log file and its pid in a pid file. A child left over from a
 * stack whose parent was killed is stopped when the next stack starts in the same directory.
 */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Path logFile;
  private final Path pidFile;
  private Process process;

  private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  /** Starts {@code java <jvmArgs> <launch...>} with output going to {@code logFile}. */
  static ChildProcess start(String name, List<String> jvmArgs, List<String> launch, Path logFile, Path pidFile)
      throws IOException {
    stopLeftover(pidFile);
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmArgs);
    command.addAll(launch);
    Files.createDirectories(logFile.getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        // stdin stays a pipe: ParentWatch in the child exits when this JVM dies and the pipe closes
        .start();
    Files.writeString(pidFile, Long.toString(process.pid()));
    return new ChildProcess(name, process, logFile, pidFile);
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The classpath of this JVM, for children that run classes of this project. */
  static String classpath() {
    return System.getProperty("java.class.path");
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  String name() {
    return name;
  }

  /** Whether a starting server answers yet: false, or any exception, means not yet. */
  @FunctionalInterface
  interface Readiness {
    boolean ready() throws Exception;
  }

  /**
   * Asks {@code readiness} every {@code pauseMs} until it says yes; fails, naming the server as {@code label} and
   * pointing at its log, when the child exits or {@code seconds} pass.
   */
  void awaitReady(String label, int seconds, long pauseMs, Readiness readiness) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (!alive()) {
        throw new StackException(label + " exited while starting; see its log: " + logFile);
      }
      try {
        if (readiness.ready()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackException("Interrupted", e);
      } catch (Exception notYet) {
        // still starting
      }
      KafkaBroker.sleep(pauseMs);
    }
    throw new StackException(label + " did not become ready within " + seconds + " s; see its log: " + logFile);
  }

  /** SIGKILL: no shutdown hooks, as in a crash. */
  void kill() {
    process.destroyForcibly();
    waitFor(10);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: the server shuts down cleanly
      if (!waitFor(30)) {
        process.destroyForcibly();
        waitFor(10);
      }
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // a stale pid file is checked against the command line before use
    }
  }

  private boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void stopLeftover(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String marker = pidFile.getParent().toAbsolutePath().toString();
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
          .ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
          });
    } catch (NumberFormatException ignored) {
      // not a pid: nothing to stop
    }
    Files.deleteIfExists(pidFile);
  }
}
