package io.newswire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.config.NewswireConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked as a file: its structure, its
 * health-check wiring and its Newswire settings; and with Compose's own validator when docker-compose is
 * installed (.ci/run installs Debian's).
 */
class DockerComposeTest {
  static final Path COMPOSE = Path.of("..", "docker-compose.yml");

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services() throws IOException {
    try (Reader in = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml().load(in);
      return (Map<String, Map<String, Object>>) root.get("services");
    }
  }

  @Test
  void prometheusScrapesEveryServiceWhereItListens() throws IOException {
    String prometheus = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docker", "prometheus.yml"));
    Map<String, Map<String, Object>> services = services();
    for (String[] service : new String[][] {{"ingest", "8082"}, {"enrich", "8083"}, {"sink", "8084"}}) {
      // DNS discovery, so every instance of a scaled service is scraped
      assertThat(prometheus).contains("names: [\"" + service[0] + "\"], type: A, port: " + service[1]);
      assertThat(services.get(service[0]).get("ports").toString()).contains(":" + service[1]);
      assertThat(services.get(service[0]).get("healthcheck").toString()).contains("localhost:" + service[1] + "/health");
    }
    assertThat(services.get("prometheus").get("volumes").toString()).contains("./docker/prometheus.yml");
    // the ports the services listen on are their defaults
    assertThat(NewswireConfig.CONFIG.defaultValues()).containsEntry(NewswireConfig.INGEST_OPS_PORT, 8082)
        .containsEntry(NewswireConfig.ENRICH_HTTP_PORT, 8083).containsEntry(NewswireConfig.SINK_HTTP_PORT, 8084);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theConsoleListensOnItsDefaultPortAndAsksEnrich() throws IOException {
    Map<String, Object> console = services().get("console");
    assertThat(console.get("command").toString()).isEqualTo("[console]");
    assertThat(console.get("ports").toString()).contains("8088:8088");
    assertThat(console.get("healthcheck").toString()).contains("localhost:8088/health");
    assertThat(((Map<String, Object>) console.get("environment")).get("NEWSWIRE_CONSOLE_ENRICH_URL"))
        .isEqualTo("http://enrich:8083");
    assertThat(NewswireConfig.CONFIG.defaultValues()).containsEntry(NewswireConfig.CONSOLE_HTTP_PORT, 8088);
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaKeepsItsDataOnItsVolumeAtTheClientsVersionAndStagesScale() throws IOException {
    Map<String, Map<String, Object>> services = services();
    Map<String, Object> kafka = services.get("kafka");
    String dataDir = ((Map<String, Object>) kafka.get("environment")).get("KAFKA_LOG_DIRS").toString();
    assertThat(kafka.get("volumes").toString()).contains(":" + dataDir);
    assertThat(kafka.get("image").toString())
        .isEqualTo("apache/kafka:" + org.apache.kafka.common.utils.internals.AppInfoParser.getVersion());
    assertThat(services.get("kafka-ui").get("image").toString()).contains("kafbat/kafka-ui");
    // one image build; the other stages run that image
    assertThat(services.entrySet().stream().filter(e -> e.getValue().containsKey("build")).map(Map.Entry::getKey))
        .containsExactly("topics");
    // scalable: a range of host ports, never one fixed port that a second instance would clash on
    for (String stage : new String[] {"enrich", "sink"}) {
      assertThat(services.get(stage).get("ports").toString()).as(stage).matches(".*\\d+-\\d+:\\d+.*");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsTheWholeStack() throws IOException {
    assertThat(services()).containsKeys("kafka", "schema-registry", "postgres", "topics", "ingest", "enrich", "sink",
        "kafka-ui", "prometheus");
    assertThat(services().get("kafka").get("image").toString()).startsWith("apache/kafka:");
    assertThat(services().get("schema-registry").get("image").toString()).startsWith("confluentinc/cp-schema-registry:");
    assertThat((Map<String, Object>) services().get("kafka-ui").get("environment"))
        .containsEntry("KAFKA_CLUSTERS_0_SCHEMAREGISTRY", "http://schema-registry:8081");
  }

  @Test
  @SuppressWarnings("unchecked")
  void dependenciesWaitForHealthOrCompletion() throws IOException {
    Map<String, Map<String, Object>> services = services();
    services.forEach((name, service) -> {
      Object dependsOn = service.get("depends_on");
      if (dependsOn instanceof Map<?, ?> deps) {
        deps.forEach((target, spec) -> {
          assertThat(services).as(name + " depends on " + target).containsKey((String) target);
          String condition = (String) ((Map<String, Object>) spec).get("condition");
          if ("service_healthy".equals(condition)) {
            assertThat(services.get(target)).as(target + " needs a healthcheck").containsKey("healthcheck");
          } else {
            assertThat(condition).isEqualTo("service_completed_successfully");
            assertThat(services.get(target).get("restart")).isEqualTo("no");
          }
        });
      }
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyNewswireSettingIsADeclaredKey() throws IOException {
    for (String stage : List.of("topics", "ingest", "enrich", "sink", "sink-search")) {
      Map<String, Object> env = (Map<String, Object>) services().get(stage).get("environment");
      assertThat(env).as(stage).isNotEmpty();
      // NEWSWIRE_JAVA_OPTS is the launcher's (JVM flags), not a setting
      env.keySet().stream().filter(v -> !v.equals("NEWSWIRE_JAVA_OPTS")).forEach(variable -> {
        String key = variable.substring(NewswireConfig.ENV_PREFIX.length()).toLowerCase().replace('_', '.');
        assertThat(NewswireConfig.CONFIG.names()).as(variable).contains(key);
      });
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSearchSinkFeedsOpenSearchAndTheDashboardReadsWhatItWrites() throws IOException {
    Map<String, Map<String, Object>> services = services();
    assertThat(services.get("opensearch").get("image").toString()).startsWith("opensearchproject/opensearch:2.19");
    assertThat(services.get("opensearch-dashboards").get("image").toString())
        .startsWith("opensearchproject/opensearch-dashboards:2.19");
    assertThat(services.get("sink-search").get("command").toString()).contains("opensearch");
    assertThat((Map<String, Object>) services.get("sink-search").get("environment"))
        .containsEntry("NEWSWIRE_OPENSEARCH_URL", "http://opensearch:9200");
    assertThat(services.get("dashboards-setup").get("command").toString()).contains("/setup/newswire.ndjson");

    // every saved object parses, every reference resolves, and every field the dashboard uses is in the template
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var template = json.readTree(Path.of("..", "sink", "src", "main", "resources", "opensearch", "index-template-v1.json")
        .toFile()).path("template").path("mappings").path("properties");
    Map<String, String> objects = new java.util.HashMap<>();
    List<com.fasterxml.jackson.databind.JsonNode> saved = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "docker", "dashboards", "newswire.ndjson"))) {
      var node = json.readTree(line);
      objects.put(node.path("id").asText(), node.path("type").asText());
      saved.add(node);
    }
    assertThat(objects).containsEntry("newswire", "dashboard").containsEntry("newswire-articles", "index-pattern");
    assertThat(template.has(saved.get(0).path("attributes").path("timeFieldName").asText())).isTrue();
    List<String> kinds = new java.util.ArrayList<>();
    for (var node : saved) {
      for (var ref : node.path("references")) {
        assertThat(objects).as(node.path("id") + " refers to " + ref.path("id"))
            .containsEntry(ref.path("id").asText(), ref.path("type").asText());
      }
      if (node.path("type").asText().equals("visualization")) {
        var state = json.readTree(node.path("attributes").path("visState").asText());
        kinds.add(state.path("type").asText());
        for (var agg : state.path("aggs")) {
          if (agg.path("params").has("field")) {
            assertThat(template.has(agg.path("params").path("field").asText())).as(agg.toString()).isTrue();
          }
        }
      }
    }
    assertThat(kinds).contains("histogram", "horizontal_bar", "tile_map"); // over time, top entities and topics, a map
  }

  @Test
  void grafanaShowsTheMetricsTheServicesExport() throws IOException {
    Map<String, Map<String, Object>> services = services();
    assertThat(services.get("grafana").get("volumes").toString())
        .contains("./docker/grafana/provisioning:/etc/grafana/provisioning", "./docker/grafana/dashboards:/var/lib/grafana/dashboards");
    String datasource = Files.readString(Path.of("..", "docker", "grafana", "provisioning", "datasources", "prometheus.yml"));
    assertThat(datasource).contains("url: http://prometheus:9090").contains("uid: newswire-prometheus");
    assertThat(Files.readString(Path.of("..", "docker", "grafana", "provisioning", "dashboards", "newswire.yml")))
        .contains("path: /var/lib/grafana/dashboards");
    var dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Path.of("..", "docker", "grafana", "dashboards", "newswire.json").toFile());
    // the metrics the services register (io.newswire.ops.Metrics and the Kafka clients' own, through Micrometer)
    List<String> exported = List.of("newswire_articles_total", "newswire_latency_seconds", "newswire_deadletters_total",
        "newswire_alerts_total", "newswire_notify_alerts_total", "newswire_consumer_lag_seconds",
        "kafka_consumer_fetch_manager_records_lag_max");
    io.newswire.ops.Metrics.lag("sink", "compose-test", -1);
    assertThat(io.newswire.ops.Metrics.scrape().lines().filter(l -> l.startsWith("newswire_consumer_lag_seconds{")
        && l.contains("group=\"compose-test\"") && l.endsWith(" 0.0"))).hasSize(1);
    assertThat(io.newswire.ops.Metrics.ARTICLES + "|" + io.newswire.ops.Metrics.LATENCY + "|" + io.newswire.ops.Metrics.DEAD_LETTERS)
        .isEqualTo("newswire.articles|newswire.latency|newswire.deadletters");
    List<String> titles = new java.util.ArrayList<>();
    for (var panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("newswire-prometheus");
      for (var target : panel.path("targets")) {
        var names = java.util.regex.Pattern.compile("\\b(newswire_[a-z0-9_]+|kafka_[a-z0-9_]+)\\b").matcher(target.path("expr").asText())
            .results().map(m -> m.group(1)).toList();
        assertThat(names).as(target.path("expr").asText()).isNotEmpty();
        assertThat(exported).as(target.path("expr").asText()).containsAll(names);
      }
    }
    assertThat(String.join(" | ", titles)).contains("by stage", "latency", "lag in records", "lag in seconds",
        "Dead letters", "Alerts");
  }

  @Test
  void composeItselfAcceptsTheFileWhenInstalled() throws Exception {
    Path binary = java.util.Arrays.stream(System.getenv("PATH").split(":")).map(p -> Path.of(p, "docker-compose"))
        .filter(Files::isExecutable).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(binary != null, "docker-compose is not installed");
    Process p = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(), "config", "-q")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
