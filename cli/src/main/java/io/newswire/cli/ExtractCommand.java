package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.config.NewswireConfig;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.Normaliser;
import io.newswire.ingest.fetch.HostLimiter;
import io.newswire.ingest.fetch.HttpFetcher;
import io.newswire.ingest.files.ArticleFiles;
import io.newswire.schema.RawArticle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Show what ingest would publish for a web page, without publishing: the article as JSON",
        "(title, url, published, source, metadata such as author, section, language and image, and the body).",
        "FILE is a saved page; URL is fetched as 'ingest feeds' fetches pages (User-Agent, size limit, charset)."})
final class ExtractCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "FILE|URL", description = "A saved HTML page, or an http(s) URL.")
  String page;

  @Override
  public Integer call() throws Exception {
    NewswireConfig config = options.load();
    byte[] bytes;
    if (page.startsWith("http://") || page.startsWith("https://")) {
      HttpFetcher fetcher = new HttpFetcher(config.get(NewswireConfig.INGEST_USER_AGENT),
          Duration.ofMillis(config.getInt(NewswireConfig.INGEST_FETCH_TIMEOUT_MS)), config.articleMaxBytes(),
          new HostLimiter(1, 0));
      HttpFetcher.Response response = fetcher.get(URI.create(page), null, null);
      bytes = response.body();
    } else {
      Path file = Path.of(page);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("No such file: " + page + " (give a saved HTML page or an http(s) URL)");
      }
      if (Files.size(file) > config.articleMaxBytes()) {
        throw new IllegalArgumentException(page + " is over the " + config.articleMaxBytes()
            + "-byte limit (ingest.max.bytes)");
      }
      bytes = Files.readAllBytes(file);
    }
    ArticleDraft draft = ArticleFiles.html(page, bytes);
    RawArticle article = new Normaliser().normalise(draft);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode out = json.createObjectNode()
        .put("id", article.getId())
        .put("title", article.getTitle())
        .put("url", article.getUrl())
        .put("published", article.getPublishedAt() == null ? null : article.getPublishedAt().toString())
        .put("source", article.getSource())
        .put("site", article.getFeed())
        .put("author", article.getAuthor())
        .put("section", article.getSection())
        .put("language", article.getDeclaredLanguage())
        .put("image", article.getImageUrl());
    out.set("metadata", json.valueToTree(article.getMetadata()));
    out.put("body", article.getBody());
    System.out.println(json.writeValueAsString(out));
    return 0;
  }
}
