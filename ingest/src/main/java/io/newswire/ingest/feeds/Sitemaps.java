package io.newswire.ingest.feeds;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newswire.ingest.ArticleDraft;
import io.newswire.ingest.InvalidArticleException;
import io.newswire.ingest.fetch.FetchException;
import io.newswire.ingest.fetch.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * News sitemaps and sitemap indexes, as news crawlers read them (crawler-commons' parser, with the Google News
 * extension): each {@code <url>} becomes an article draft with its page to fetch, its title and publication
 * date from {@code <news:news>} (else {@code <lastmod>}). An index's sitemaps are read in turn, the newest first.
 * A poll takes the {@value #MOST_URLS} newest URLs at most: a general sitemap lists a whole site.
 */
final class Sitemaps {
  static final int MOST_URLS = 200;
  static final int MOST_SITEMAPS = 20;

  private Sitemaps() {}

  /** Whether the document is a sitemap or a sitemap index rather than a feed. */
  static boolean isSitemap(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
    return head.contains("<urlset") || head.contains("<sitemapindex");
  }

  static List<ArticleDraft> items(String origin, byte[] body, String contentType, String feedName, HttpFetcher fetcher)
      throws InterruptedException {
    SiteMapParser parser = new SiteMapParser(false); // lenient: sitemaps in the wild stray from the standard
    parser.enableExtension(Extension.NEWS);
    List<SiteMapURL> urls = new ArrayList<>();
    try {
      collect(parser, parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, new URL(origin)),
          fetcher, urls, 0);
    } catch (UnknownFormatException | IOException e) {
      throw new InvalidArticleException("Not a readable sitemap: " + e.getMessage(), e);
    }
    urls.sort(Comparator.comparing(Sitemaps::published, Comparator.nullsLast(Comparator.reverseOrder())));
    List<ArticleDraft> drafts = new ArrayList<>();
    for (SiteMapURL url : urls.subList(0, Math.min(MOST_URLS, urls.size()))) {
      NewsAttributes news = news(url);
      Map<String, String> meta = new HashMap<>();
      if (news != null && news.getKeywords() != null && news.getKeywords().length > 0) {
        meta.put("keywords", String.join(", ", news.getKeywords()));
      }
      String name = feedName != null ? feedName
          : news != null && news.getName() != null ? news.getName() : null;
      String link = url.getUrl().toString();
      drafts.add(new ArticleDraft(origin + " → " + link, link, name, news == null ? null : news.getTitle(), "",
          published(url), "text/html", meta));
    }
    return drafts;
  }

  private static void collect(SiteMapParser parser, AbstractSiteMap map, HttpFetcher fetcher, List<SiteMapURL> out,
      int depth) throws InterruptedException {
    if (map instanceof SiteMap sitemap) {
      out.addAll(sitemap.getSiteMapUrls());
    } else if (map instanceof SiteMapIndex index && depth == 0) {
      List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
      children.sort(Comparator.comparing(AbstractSiteMap::getLastModified,
          Comparator.nullsLast(Comparator.reverseOrder())));
      for (AbstractSiteMap child : children.subList(0, Math.min(MOST_SITEMAPS, children.size()))) {
        try {
          HttpFetcher.Response response = fetcher.get(URI.create(child.getUrl().toString()), null, null);
          if (response.status() == 200) {
            collect(parser, parser.parseSiteMap(response.contentType() == null ? "text/xml" : response.contentType(),
                response.body(), child.getUrl()), fetcher, out, depth + 1);
          }
        } catch (FetchException | UnknownFormatException | IOException | IllegalArgumentException e) {
          // one unreadable sitemap of an index costs only its own URLs
        }
      }
    }
  }

  private static NewsAttributes news(SiteMapURL url) {
    ExtensionMetadata[] news = url.getAttributesForExtension(Extension.NEWS);
    return news != null && news.length > 0 && news[0] instanceof NewsAttributes n ? n : null;
  }

  private static Instant published(SiteMapURL url) {
    NewsAttributes news = news(url);
    if (news != null && news.getPublicationDateTime() != null) {
      return news.getPublicationDateTime().toInstant();
    }
    return url.getLastModified() == null ? null : url.getLastModified().toInstant();
  }
}
