package io.newswire.ingest.feeds;

import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.HtmlArticle;
import io.newswire.ingest.IngestSummary;
import io.newswire.ingest.Intake;
import io.newswire.ingest.InvalidArticleException;
import io.newswire.ingest.SourceItem;
import io.newswire.ingest.fetch.FetchException;
import io.newswire.ingest.fetch.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed source's loop: poll each feed when it is due, with conditional requests, and hand its new items
 * to the {@link Intake}. A feed that fails is retried with exponential backoff (at least what its
 * Retry-After asks); a feed that answers with something unreadable is dead-lettered once per new error.
 * When a feed gives only a summary and its subscription asks for pages, the linked page's main text is
 * fetched (politely, through the same per-host limits).
 */
public final class FeedPoller {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  /** A body shorter than this is taken as a summary, worth replacing with the page's text. */
  static final int SUMMARY_LENGTH = 400;
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final List<FeedSubscription> feeds;
  private final HttpFetcher fetcher;
  private final FeedParser parser = new FeedParser();
  private final Intake intake;
  private final FeedState state;
  private final Clock clock;
  private final ExecutorService workers;

  public FeedPoller(List<FeedSubscription> feeds, HttpFetcher fetcher, Intake intake, FeedState state, Clock clock,
      int threads) {
    this.feeds = feeds;
    this.fetcher = fetcher;
    this.intake = intake;
    this.state = state;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "feed-poller");
      t.setDaemon(true);
      return t;
    });
  }

  /** Polls every feed once (ignoring schedules), waits for the articles to be acknowledged, and returns. */
  public IngestSummary pollOnce(java.util.function.BiConsumer<Integer, Integer> progress) throws InterruptedException {
    IngestSummary summary = new IngestSummary();
    List<Future<?>> polls = new ArrayList<>();
    for (FeedSubscription feed : feeds) {
      polls.add(workers.submit(() -> poll(feed, summary)));
    }
    int done = 0;
    for (Future<?> poll : polls) {
      try {
        poll.get();
      } catch (java.util.concurrent.ExecutionException e) {
        log.error("Polling failed unexpectedly", e.getCause());
      }
      progress.accept(++done, polls.size());
    }
    return summary;
  }

  /** Polls feeds as they fall due until {@code stop} says so. */
  public IngestSummary run(BooleanSupplier stop) throws InterruptedException {
    IngestSummary summary = new IngestSummary();
    List<Future<?>> running = new ArrayList<>();
    while (!stop.getAsBoolean()) {
      long now = clock.millis();
      long nextDue = now + 1000;
      running.removeIf(Future::isDone);
      for (FeedSubscription feed : feeds) {
        FeedState.Entry entry = state.of(feed.url().toString());
        if (entry.nextPollAt <= now) {
          entry.nextPollAt = Long.MAX_VALUE; // not again until this poll sets the next time
          running.add(workers.submit(() -> poll(feed, summary)));
        } else {
          nextDue = Math.min(nextDue, entry.nextPollAt);
        }
      }
      Thread.sleep(Math.max(50, Math.min(1000, nextDue - clock.millis())));
    }
    workers.shutdown();
    return summary;
  }

  /** One poll of one feed; never throws, so one bad feed never stops the others. */
  void poll(FeedSubscription feed, IngestSummary summary) {
    String url = feed.url().toString();
    FeedState.Entry entry = state.of(url);
    try {
      HttpFetcher.Response response = fetcher.get(feed.url(), entry.etag, entry.lastModified);
      int status = response.status();
      if (status == 304) {
        succeeded(feed, entry);
        return;
      }
      if (status == 429 || status >= 500) {
        failed(feed, entry, "HTTP " + status, response.retryAfter());
        return;
      }
      if (status != 200) {
        broken(feed, entry, response.body(), new InvalidArticleException(url + " answered HTTP " + status
            + "; check the feed URL"), summary);
        return;
      }
      List<ArticleDraft> items;
      // A news sitemap lists pages, not their text: each page is always fetched.
      boolean sitemap = Sitemaps.isSitemap(response.body());
      try {
        items = sitemap ? Sitemaps.items(url, response.body(), response.contentType(), feed.name(), fetcher)
            : parser.parse(url, response.body(), response.contentType(), feed.name());
      } catch (InvalidArticleException e) {
        broken(feed, entry, response.body(), new InvalidArticleException(url + ": " + e.getMessage(), e), summary);
        return;
      }
      List<CompletableFuture<Intake.Result>> pending = new ArrayList<>();
      for (ArticleDraft item : items) {
        pending.add(intake.accept(sitemap ? page(item) : new SourceItem.Draft(feed.fetchPages() ? withPage(item) : item),
            summary));
      }
      intake.flush();
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
      intake.flush();
      entry.etag = response.etag();
      entry.lastModified = response.lastModified();
      entry.lastError = null;
      succeeded(feed, entry);
    } catch (FetchException e) {
      if (e.retryable()) {
        failed(feed, entry, e.getMessage(), null);
      } else {
        broken(feed, entry, new byte[0], new InvalidArticleException(e.getMessage(), e), summary);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Unexpected failure polling {}", url, e);
      failed(feed, entry, e.toString(), null);
    } finally {
      state.save();
    }
  }

  /** The item with its page's main text when the feed gave only a summary; the item as is if that fails. */
  /** A sitemap's page, fetched and extracted; a page that cannot be fetched is unreadable, with the reason. */
  private SourceItem page(ArticleDraft item) throws InterruptedException {
    try {
      HttpFetcher.Response page = fetcher.get(URI.create(item.url()), null, null);
      if (page.status() != 200) {
        return new SourceItem.Unreadable(item.origin(), new byte[0],
            new InvalidArticleException(item.url() + " answered HTTP " + page.status()));
      }
      ArticleDraft extracted = HtmlArticle.extract(item.url(), Jsoup.parse(new java.io.ByteArrayInputStream(page.body()),
          charsetOf(page.contentType()), page.uri().toString()));
      java.util.Map<String, String> metadata = new java.util.HashMap<>(extracted.metadata());
      metadata.putAll(item.metadata());
      return new SourceItem.Draft(new ArticleDraft(item.origin(), item.url(),
          item.feed() != null ? item.feed() : extracted.feed(), item.title() != null ? item.title() : extracted.title(),
          extracted.body(), item.publishedAt() != null ? item.publishedAt() : extracted.publishedAt(), "text/html",
          metadata));
    } catch (FetchException | IllegalArgumentException | java.io.IOException e) {
      return new SourceItem.Unreadable(item.origin(), new byte[0], new InvalidArticleException(
          "The page could not be read: " + e.getMessage(), e));
    }
  }

  /** The charset a Content-Type header names, or null to let the page's own declaration decide. */
  static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("(?i)charset=\"?([\\w.:-]+)").matcher(contentType);
    if (m.find() && java.nio.charset.Charset.isSupported(m.group(1))) {
      return m.group(1);
    }
    return null;
  }

  private ArticleDraft withPage(ArticleDraft item) {
    if (item.url() == null || item.body() != null && item.body().length() >= SUMMARY_LENGTH) {
      return item;
    }
    try {
      HttpFetcher.Response page = fetcher.get(URI.create(item.url()), null, null);
      if (page.status() != 200) {
        return item;
      }
      // Decoded by the charset the response or the page declares (a BOM, Content-Type, <meta charset>), as
      // browsers do; jsoup sniffs the page's own declaration when the header gives none.
      ArticleDraft extracted = HtmlArticle.extract(item.url(), Jsoup.parse(new java.io.ByteArrayInputStream(page.body()),
          charsetOf(page.contentType()), page.uri().toString()));
      if (extracted.body() == null || extracted.body().length() <= (item.body() == null ? 0 : item.body().length())) {
        return item;
      }
      java.util.Map<String, String> metadata = new java.util.HashMap<>(extracted.metadata());
      metadata.putAll(item.metadata()); // the feed's own first
      return new ArticleDraft(item.origin(), item.url(), item.feed() != null ? item.feed() : extracted.feed(),
          item.title() != null ? item.title() : extracted.title(), extracted.body(),
          item.publishedAt() != null ? item.publishedAt() : extracted.publishedAt(), "text/html", metadata);
    } catch (FetchException | IllegalArgumentException | java.io.IOException e) {
      log.info("Keeping the summary of {}: its page could not be fetched ({})", item.url(), e.getMessage());
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return item;
    }
  }

  private void succeeded(FeedSubscription feed, FeedState.Entry entry) {
    entry.failures = 0;
    entry.nextPollAt = clock.millis() + feed.every().toMillis();
  }

  private void failed(FeedSubscription feed, FeedState.Entry entry, String reason, Duration retryAfter) {
    entry.failures++;
    Duration backoff = feed.every().multipliedBy(1L << Math.min(entry.failures, 6));
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      backoff = MAX_BACKOFF;
    }
    if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
      backoff = retryAfter;
    }
    entry.nextPollAt = clock.millis() + backoff.toMillis();
    log.warn("Feed {} failed ({}), attempt {}; next try in {} s", feed.url(), reason, entry.failures,
        backoff.toSeconds());
  }

  private void broken(FeedSubscription feed, FeedState.Entry entry, byte[] body, InvalidArticleException error,
      IngestSummary summary) {
    if (!error.getMessage().equals(entry.lastError)) {
      intake.accept(new SourceItem.Unreadable(feed.url().toString(), body, error), summary).join();
      entry.lastError = error.getMessage();
    }
    failed(feed, entry, error.getMessage(), null);
  }
}
