package io.newswire.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a server certificate signed by it, made with the JDK's own keytool, for the TLS
 * listeners of the local stack in tests: the broker's SASL_SSL listener, a registry behind TLS, the push
 * endpoint over https. PKCS12 stores, valid for 127.0.0.1 and localhost.
 */
public final class Certificates {
  /** The server's key store (its key and the chain up to the CA) and the clients' trust store (the CA). */
  public record Stores(Path keyStore, Path trustStore, String password) {}

  private Certificates() {}

  /** Makes a CA and a server certificate for 127.0.0.1 and localhost under {@code dir}. */
  public static Stores make(Path dir, String password) {
    try {
      Files.createDirectories(dir);
      Path ca = dir.resolve("ca.p12");
      Path server = dir.resolve("server.p12");
      Path trust = dir.resolve("truststore.p12");
      for (Path p : List.of(ca, server, trust, dir.resolve("server.csr"), dir.resolve("server.crt"), dir.resolve("ca.crt"))) {
        Files.deleteIfExists(p);
      }
      keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Newswire test CA",
          "-ext", "bc:c", "-validity", "7", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
      keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
          "-file", dir.resolve("ca.crt").toString());
      keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
          "-validity", "7", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", password);
      keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", password,
          "-file", dir.resolve("server.csr").toString());
      keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
          "-infile", dir.resolve("server.csr").toString(), "-outfile", dir.resolve("server.crt").toString(),
          "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "7");
      keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.crt").toString(),
          "-keystore", server.toString(), "-storepass", password);
      keytool("-importcert", "-alias", "server", "-file", dir.resolve("server.crt").toString(),
          "-keystore", server.toString(), "-storepass", password);
      keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.crt").toString(),
          "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", password);
      return new Stores(server, trust, password);
    } catch (IOException e) {
      throw new StackException("Could not make test certificates: " + e.getMessage(), e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new StackException("keytool " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted", e);
    }
  }
}
