package io.newswire.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class LocalStackIT {

  @Test
  void startsARealBrokerRegistryAndDatabase() throws Exception {
    LocalStack stack = LocalStack.shared();

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic("stack-smoke", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get()).contains("stack-smoke");
    }

    HttpResponse<String> subjects = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(subjects.statusCode()).isEqualTo(200);

    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(LocalPostgres.DATABASE);
    }
  }

  @Test
  void brokerSurvivesAKillAndRestartsOnItsData() throws Exception {
    LocalStack stack = LocalStack.shared();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic("stack-restart", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    stack.kafka().kill();
    stack.kafka().start();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("stack-restart");
    }
  }
}
