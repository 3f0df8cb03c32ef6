package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every long-running command takes. */
final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Properties file with Newswire and Kafka client settings.")
  Path file;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "A setting that overrides the file and the environment; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  NewswireConfig load() {
    return NewswireConfig.load(file, System.getenv(), overrides);
  }
}
