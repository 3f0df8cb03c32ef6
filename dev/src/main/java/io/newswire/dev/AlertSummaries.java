package io.newswire.dev;

import io.newswire.config.NewswireConfig;
import io.newswire.schema.Alert;
import io.newswire.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The demo's alerts: what the watches it adds found, read from the alerts topic. */
final class AlertSummaries {
  /** The watches the demo adds: the kind a newsroom writes, over the sample stories' tags. */
  static final Map<String, String> DEMO_WATCHES = Map.of(
      "ukraine-front", "topic:\"conflicts, war and peace\" AND country:UA",
      "earthquakes", "topic:medtop:03000000 AND (\"earthquake\" OR \"quake\")");

  private AlertSummaries() {}

  /** Every committed alert now in the topic. */
  static List<Alert> read(NewswireConfig config) {
    return io.newswire.admin.TopicContents.read(config, Topics.ALERTS, Topics.create(config).alerts.valueSerde().deserializer())
        .stream().map(ConsumerRecord::value).filter(java.util.Objects::nonNull).toList();
  }

  static String render(List<Alert> alerts) {
    StringBuilder out = new StringBuilder("Alerts (watches: ./newswire watch list; docs/WATCHES.md)\n");
    if (alerts.isEmpty()) {
      out.append("  none\n");
    }
    for (Alert a : alerts) {
      out.append("  ").append(a.getWatchId()).append("  ").append(a.getTitle()).append('\n')
          .append("      ").append(String.join("; ", a.getMatched())).append('\n');
    }
    return out.toString();
  }
}
