package io.newswire.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST protocol over {@link HttpClient}. Works with Confluent's server,
 * Apicurio's ccompat API, Karapace and Redpanda. Unreachable servers and 5xx answers are retried with
 * exponential backoff, across every configured URL, before giving up with an error naming them.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Endpoint> endpoints = new ArrayList<>();
  private final HttpClient http;
  private final Duration readTimeout;
  private final int maxRetries;
  private final long retryWaitMs;
  private final long retryMaxWaitMs;

  private record Endpoint(String base, String display, String authorization) {}

  public RestSchemaRegistryClient(SchemaRegistryConfig config) {
    String configuredAuth = config.authorizationHeader();
    for (String url : config.urls()) {
      URI uri = URI.create(url.trim());
      String auth = configuredAuth;
      String display = url.trim();
      if (uri.getUserInfo() != null) {
        display = display.replace(uri.getRawUserInfo() + "@", "");
        if (auth == null) {
          auth = SchemaRegistryConfig.basic(uri.getUserInfo());
        }
      }
      String base = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
      endpoints.add(new Endpoint(base, base, auth));
    }
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(config.getInt(SchemaRegistryConfig.HTTP_CONNECT_TIMEOUT_MS)))
        .followRedirects(HttpClient.Redirect.NORMAL);
    javax.net.ssl.SSLContext ssl = config.sslContext();
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    this.http = builder.build();
    this.readTimeout = Duration.ofMillis(config.getInt(SchemaRegistryConfig.HTTP_READ_TIMEOUT_MS));
    this.maxRetries = config.getInt(SchemaRegistryConfig.MAX_RETRIES);
    this.retryWaitMs = config.getLong(SchemaRegistryConfig.RETRIES_WAIT_MS);
    this.retryMaxWaitMs = config.getLong(SchemaRegistryConfig.RETRIES_MAX_WAIT_MS);
  }

  @Override
  public int register(String subject, Schema schema) {
    try {
      return call("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema), subject).get("id").asInt();
    } catch (IncompatibleSchemaException e) {
      // Two clients registering a new subject at the same moment: some registries answer the second with a
      // conflict although the schema is now there. If a lookup finds it, that is the answer; if not, the
      // schema really is incompatible.
      try {
        return lookup(subject, schema).id();
      } catch (SchemaRegistryException notThere) {
        throw e;
      }
    }
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return toRegistered(call("POST", "/subjects/" + enc(subject), schemaBody(schema), subject), subject);
  }

  @Override
  public Schema schemaById(int id) {
    JsonNode answer = call("GET", "/schemas/ids/" + id, null, null);
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException("Schema id " + id + " is a " + type + " schema, not Avro", 200, -1);
    }
    return new Schema.Parser().parse(answer.get("schema").asText());
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return toRegistered(call("GET", "/subjects/" + enc(subject) + "/versions/latest", null, subject), subject);
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return toRegistered(call("GET", "/subjects/" + enc(subject) + "/versions/" + version, null, subject), subject);
  }

  @Override
  public CompatibilityResult checkCompatibility(String subject, Schema schema) {
    try {
      JsonNode answer = call("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest?verbose=true",
          schemaBody(schema), subject);
      List<String> messages = new ArrayList<>();
      answer.path("messages").forEach(m -> messages.add(m.asText()));
      // Apicurio puts its explanation in "reason" instead of "messages".
      if (answer.hasNonNull("reason")) {
        messages.add(answer.get("reason").asText());
      }
      return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
        return new CompatibilityResult(true, List.of()); // nothing to be compatible with yet
      }
      throw e;
    }
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + enc(subject) + "?defaultToGlobal=true";
    JsonNode answer = call("GET", path, null, subject);
    String level = answer.has("compatibilityLevel")
        ? answer.get("compatibilityLevel").asText()
        : answer.path("compatibility").asText("BACKWARD");
    return CompatibilityLevel.valueOf(level);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    call("PUT", subject == null ? "/config" : "/config/" + enc(subject), body.toString(), subject);
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    call("GET", "/subjects", null, null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  @Override
  public String describe() {
    return String.join(",", endpoints.stream().map(Endpoint::display).toList());
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static RegisteredSchema toRegistered(JsonNode answer, String subject) {
    return new RegisteredSchema(subject, answer.path("version").asInt(), answer.path("id").asInt(),
        new Schema.Parser().parse(answer.get("schema").asText()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One REST call, retried across URLs and with backoff while the registry is unreachable or failing. */
  private JsonNode call(String method, String path, String body, String subject) {
    Exception last = null;
    long wait = retryWaitMs;
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      for (Endpoint endpoint : endpoints) {
        try {
          HttpResponse<String> response = http.send(request(endpoint, method, path, body),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            return response.body() == null || response.body().isEmpty()
                ? JSON.createObjectNode()
                : JSON.readTree(response.body());
          }
          SchemaRegistryException error = errorOf(endpoint, method, path, status, response.body(), subject);
          if (status < 500) {
            throw error;
          }
          last = error;
        } catch (IOException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaRegistryException("Interrupted while calling the Schema Registry at " + describe(), e);
        }
      }
      if (attempt < maxRetries) {
        log.warn("Schema Registry at {} failed ({}); retry {}/{} in {} ms",
            describe(), last, attempt + 1, maxRetries, wait);
        sleep(wait);
        wait = Math.min(wait * 2, retryMaxWaitMs);
      }
    }
    throw new RegistryUnavailableException("Schema Registry unreachable at " + describe() + " after "
        + (maxRetries + 1) + " attempts (" + last + "). Check schema.registry.url and that the registry is running.",
        last);
  }

  private HttpRequest request(Endpoint endpoint, String method, String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
        .timeout(readTimeout)
        .header("Accept", ACCEPT);
    if (endpoint.authorization() != null) {
      builder.header("Authorization", endpoint.authorization());
    }
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    return builder.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private static SchemaRegistryException errorOf(Endpoint endpoint, String method, String path, int status,
      String body, String subject) {
    int code = status;
    String message = body;
    try {
      JsonNode json = JSON.readTree(body);
      code = json.path("error_code").asInt(status);
      message = json.path("message").asText(body);
    } catch (IOException | RuntimeException notJson) {
      // keep the raw body as the message
    }
    if (status == 409 || code == 409 || code == 40901) {
      return new IncompatibleSchemaException("Schema Registry at " + endpoint.display() + " refused the schema for subject '"
          + subject + "' as incompatible with its compatibility level: " + message, status, code);
    }
    if (status == 401 || status == 403) {
      return new SchemaRegistryException("Schema Registry at " + endpoint.display() + " refused the credentials (HTTP "
          + status + "): check basic.auth.* / bearer.auth.* settings", status, code);
    }
    return new SchemaRegistryException("Schema Registry at " + endpoint.display() + " answered " + method + " " + path
        + " with HTTP " + status + " (error " + code + "): " + message, status, code);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while waiting to retry the Schema Registry", e);
    }
  }
}
