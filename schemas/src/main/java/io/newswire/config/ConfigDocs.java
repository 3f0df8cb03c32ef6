package io.newswire.config;

import io.newswire.serde.AvroSerdeConfig;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;

/** The configuration reference, generated from the declarations so it never drifts from the code. */
public final class ConfigDocs {
  private ConfigDocs() {}

  public static String markdown() {
    return "## Newswire settings\n\n" + table(NewswireConfig.CONFIG)
        + "\n## Schema Registry and serde settings (Confluent's names)\n\n" + table(AvroSerdeConfig.configDef());
  }

  static String table(ConfigDef def) {
    StringBuilder out = new StringBuilder("| key | environment variable | default | description |\n|---|---|---|---|\n");
    List<ConfigDef.ConfigKey> keys = def.configKeys().values().stream()
        .sorted(java.util.Comparator.comparing(k -> k.name)).toList();
    for (ConfigDef.ConfigKey key : keys) {
      Object def0 = key.defaultValue;
      String shown = def0 == ConfigDef.NO_DEFAULT_VALUE ? "(required)"
          : def0 == null ? "" : key.type == ConfigDef.Type.PASSWORD ? "(hidden)" : String.valueOf(def0);
      out.append("| `").append(key.name).append("` | `")
          .append(NewswireConfig.ENV_PREFIX).append(key.name.toUpperCase().replace('.', '_')).append("` | ")
          .append(shown.isEmpty() ? "" : "`" + shown + "`").append(" | ")
          .append(key.documentation.replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return out.toString();
  }
}
