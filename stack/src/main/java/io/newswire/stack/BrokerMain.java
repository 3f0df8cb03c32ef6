package io.newswire.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the broker's child JVM: formats the KRaft log directory on first start, then runs Kafka's
 * own {@code kafka.Kafka} main. Arguments: server.properties, cluster id.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    ParentWatch.start();
    String properties = args[0];
    String clusterId = args[1];
    java.util.Properties props = new java.util.Properties();
    try (var in = Files.newInputStream(Path.of(properties))) {
      props.load(in);
    }
    if (!Files.exists(Path.of(props.getProperty("log.dirs"), "meta.properties"))) {
      // "--cluster-id=..." in one argument: a random id may start with "-", which would read as an option.
      int rc = kafka.tools.StorageTool.execute(new String[] {"format", "--cluster-id=" + clusterId, "-c", properties}, System.out);
      if (rc != 0) {
        System.err.println("Formatting the KRaft log directory failed with exit code " + rc);
        System.exit(rc);
      }
    }
    kafka.Kafka.main(new String[] {properties});
  }
}
