package io.newswire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings are checked before anything starts: a typo or a bad value is refused with what to write instead. */
class ConfigCheckTest {
  @Test
  void aMistypedKeyIsRefusedWithTheNearestValidOne() {
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("bootstrap.server", "broker:9092")).checked())
        .isInstanceOf(NewswireConfig.ConfigProblem.class)
        .hasMessageContaining("unknown setting bootstrap.server")
        .hasMessageContaining("did you mean bootstrap.servers?");
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("sink.bach.size", "10")).checked())
        .hasMessageContaining("did you mean sink.batch.size?");
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("ingest.whatever", "1")).checked())
        .hasMessageContaining("unknown setting ingest.whatever");
  }

  @Test
  void anInvalidValueIsRefusedWithWhatIsAllowed() {
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("sink.store", "postgress")).checked())
        .hasMessageContaining("invalid value 'postgress' for sink.store").hasMessageContaining("postgres, parquet, opensearch");
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("sink.store", "postgres,jsonl")).checked())
        .hasMessageContaining("invalid value 'postgres,jsonl' for sink.store");
    assertThat(NewswireConfig.of(Map.of("sink.store", "postgres, parquet")).checked().sinkStores())
        .containsExactly("postgres", "parquet");
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("sink.batch.size", "many")).checked())
        .hasMessageContaining("invalid value 'many' for sink.batch.size");
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("sink.batch.size", "0")).checked())
        .hasMessageContaining("invalid value '0' for sink.batch.size");
  }

  @Test
  void settingsThatContradictEachOtherAreRefused() {
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("enrich.commit.interval.ms", "2000")).checked())
        .hasMessageContaining("enrich.commit.backlog.interval.ms (1000) is less than enrich.commit.interval.ms (2000)");
    assertThat(NewswireConfig.of(Map.of("enrich.commit.interval.ms", "2000", "enrich.commit.backlog.interval.ms",
        "2000")).checked().getLong("enrich.commit.backlog.interval.ms")).isEqualTo(2000);
  }

  @Test
  void everyProblemIsReportedAtOnceAndSecretsStayHidden() {
    assertThatThrownBy(() -> NewswireConfig.of(Map.of("bootstrap.server", "x", "ingest.http.port", "99999")).checked())
        .isInstanceOfSatisfying(NewswireConfig.ConfigProblem.class, p -> assertThat(p.problems).hasSize(2));
  }

  @Test
  void theOriginOfABadValueIsNamed() {
    assertThatThrownBy(() -> NewswireConfig.load(null, Map.of("NEWSWIRE_SINK_STORE", "nowhere"), Map.of()).checked())
        .hasMessageContaining("environment variable NEWSWIRE_SINK_STORE");
  }

  @Test
  void kafkaClientKeysPassThroughAndLauncherVariablesAreNotSettings() {
    NewswireConfig config = NewswireConfig.load(null, Map.of("NEWSWIRE_JAVA_OPTS", "-Xmx1g", "NEWSWIRE_SKIP_BUILD", "1",
        "NEWSWIRE_DEBUG", "1"), Map.of("request.timeout.ms", "20000", "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512", "enrich.streams.num.stream.threads", "2",
        "basic.auth.credentials.source", "USER_INFO", "schema.registry.ssl.truststore.location", "/x")).checked();
    assertThat(config.kafkaClients()).containsEntry("request.timeout.ms", "20000")
        .containsEntry("security.protocol", "SASL_SSL").doesNotContainKey("schema.registry.ssl.truststore.location");
    assertThat(config.serdes()).containsEntry("schema.registry.ssl.truststore.location", "/x");
  }
}
