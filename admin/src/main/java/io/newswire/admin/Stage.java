package io.newswire.admin;

import io.newswire.config.NewswireConfig;
import io.newswire.topics.Topics;
import java.util.List;

/**
 * The consuming stages as Kafka sees them: a consumer group reading one topic. Group ids come from the
 * configuration ({@code enrich.application.id}, {@code sink.group.id}), so kafka-consumer-groups, kcat and a
 * Kafka UI show the same names as {@code newswire status}. An optional stage (the notifier) that has never run is
 * not a fault: alerts may be read by something else, or by nobody.
 */
public record Stage(String name, String group, String topic, boolean streams, boolean optional) {
  public static List<Stage> all(NewswireConfig config) {
    List<Stage> stages = new java.util.ArrayList<>();
    stages.add(new Stage("enrich", config.get(NewswireConfig.ENRICH_APPLICATION_ID), Topics.RAW_ARTICLES, true, false));
    // one sink group per store: "sink" (PostgreSQL), "sink-opensearch", "sink-parquet"
    for (String store : config.sinkStores()) {
      stages.add(new Stage(store.equals("postgres") ? "sink" : "sink-" + store, config.sinkGroupId(store),
          Topics.ENRICHED_ARTICLES, false, false));
    }
    stages.add(new Stage("notify", config.get(NewswireConfig.NOTIFY_GROUP_ID), Topics.ALERTS, false, true));
    return stages;
  }

  /** The stage of that name, or every stage for "all". */
  public static List<Stage> named(NewswireConfig config, String which) {
    return all(config).stream().filter(s -> which.equals("all") || s.name().equals(which)
        || s.name().startsWith(which + "-")).toList();
  }
}
