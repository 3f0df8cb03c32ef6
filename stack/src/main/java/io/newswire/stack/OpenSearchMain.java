package io.newswire.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * Entry point of the OpenSearch child JVM: one node of the OpenSearch server from its Maven Central jars, with the
 * Netty transport, the common analysis module (the language analyzers) and the reindex module (index migrations)
 * loaded from the classpath, as the
 * distribution would load them from its modules folder. Arguments: home folder, HTTP port, transport port.
 */
public final class OpenSearchMain {
  private OpenSearchMain() {}

  /** A node whose plugins come from the classpath: the constructor that takes them is protected. */
  static final class ClasspathNode extends Node {
    ClasspathNode(Environment environment, List<Class<? extends Plugin>> plugins) {
      super(environment, plugins, true);
    }
  }

  public static void main(String[] args) throws Exception {
    ParentWatch.start();
    Path home = Path.of(args[0]);
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("cluster.name", "newswire")
        .put("node.name", "newswire-1")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", args[1])
        .put("transport.port", args[2])
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        // a development node on a shared disk: no read-only switch when the disk fills past 90 %
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", false)
        .build();
    Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(),
        home.resolve("config"), () -> "newswire-1");
    Node node = new ClasspathNode(environment, List.of(org.opensearch.transport.Netty4Plugin.class,
        org.opensearch.analysis.common.CommonAnalysisPlugin.class, org.opensearch.index.reindex.ReindexPlugin.class));
    node.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (java.io.IOException e) {
        // stopping anyway
      }
    }, "opensearch-shutdown"));
    System.out.println("OpenSearch node started on 127.0.0.1:" + args[1]);
    new java.util.concurrent.CountDownLatch(1).await(); // the node's threads are daemons: this one keeps the JVM up
  }
}
