package io.newswire.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswire.sink.StoreUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The few OpenSearch REST calls Newswire makes, over the JDK's HTTP client. A connection failure, a 429 or a 5xx
 * is a {@link StoreUnavailableException}, so the sink pauses and retries; the caller reads any other answer.
 */
public final class OpenSearchClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status and its body as JSON (an empty object when there was none). */
  public record Response(int status, JsonNode body) {}

  private final String url;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public OpenSearchClient(String url, String user, String password) {
    this.url = url.replaceAll("/+$", "");
    this.authorization = user == null || user.isBlank() ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public String url() {
    return url;
  }

  public Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StoreUnavailableException("OpenSearch at " + url + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted", e);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new StoreUnavailableException("OpenSearch at " + url + " answered " + method + " " + path + " with HTTP "
          + status + ": " + snippet(response.body()), null);
    }
    try {
      JsonNode json = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Response(status, json);
    } catch (IOException e) {
      return new Response(status, JSON.createObjectNode().put("raw", snippet(response.body())));
    }
  }

  public Response send(String method, String path, String jsonBody) {
    return send(method, path, jsonBody, "application/json");
  }

  private static String snippet(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
