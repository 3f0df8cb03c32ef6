package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every long-running command takes. */
public final class ConfigOptions {
  @Option(names = {"-c", "--config", "--command-config"}, paramLabel = "FILE",
      description = "Properties file with Newswire and Kafka client settings (security ones included).")
  Path file;

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT[,...]",
      description = "Kafka's bootstrap servers, as Kafka's own tools take them (the same as --set bootstrap.servers=...).")
  String bootstrapServer;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "A setting that overrides the file and the environment; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The settings, checked: an unknown key or an invalid value is refused here, before anything starts. */
  public NewswireConfig load() {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    if (bootstrapServer != null) {
      all.put(NewswireConfig.BOOTSTRAP_SERVERS, bootstrapServer);
    }
    return NewswireConfig.load(file, System.getenv(), all).checked();
  }
}
