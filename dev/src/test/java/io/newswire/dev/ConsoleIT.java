package io.newswire.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswire.admin.Watchlist;
import io.newswire.cli.TopicsCommand;
import io.newswire.config.NewswireConfig;
import io.newswire.console.ConsoleApplication;
import io.newswire.enrich.EnrichApplication;
import io.newswire.schema.RawArticle;
import io.newswire.sink.SinkApplication;
import io.newswire.stack.LocalStack;
import io.newswire.tagger.NewswireTagger;
import io.newswire.topics.Topics;
import io.newswire.watches.RuleParser;
import io.newswire.watches.WatchFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web console in a real browser (Debian's chromium, driven by chromedriver) on the real pipeline: the page
 * loads with no console error, shows the sample stories with their entities highlighted, trend bars, map markers,
 * a story of two copies, a watch and its alert; search finds an article; an article ingested while the page is
 * open appears without a reload; it is usable from the keyboard and in a narrow window. Screenshots are saved in
 * {@code target/console/}. Skipped, saying why, where no chromium or chromedriver is installed.
 */
class ConsoleIT {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NEWSWIRE_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("NEWSWIRE_CHROMEDRIVER", "/usr/bin/chromedriver"));

  static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @Test
  void theConsoleShowsThePipelineInARealBrowser() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no browser: install Debian's chromium and chromium-driver (.ci/run does), or set NEWSWIRE_CHROMIUM and"
            + " NEWSWIRE_CHROMEDRIVER");
    LocalStack stack = LocalStack.shared();
    String run = "console-" + System.nanoTime();
    // a word no other article has, for the search: letters only, so every text search analyser keeps it whole
    String word = "kestrel" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q");
    NewswireConfig config = DemoCommand.settingsFor(stack).with(Map.of(
        NewswireConfig.ENRICH_APPLICATION_ID, run + "-enrich",
        NewswireConfig.ENRICH_STATE_DIR, stack.dir().resolve(run).toString(),
        NewswireConfig.SINK_GROUP_ID, run + "-sink",
        NewswireConfig.CONSOLE_HTTP_PORT, "0"));
    TopicsCommand.ensure(config);
    Watchlist.put(config, WatchFiles.watch(run + "-watch", "Kharkiv " + word, RuleParser.parse("place:Kharkiv"), 0.0,
        null, Instant.now()));
    Topics topics = Topics.create(config);

    EnrichApplication enrich = new EnrichApplication(config, new NewswireTagger());
    enrich.start();
    WebDriver browser = null;
    try (SinkApplication sink = new SinkApplication(config)) {
      send(topics, stack, List.of(
          article(run + "-front", "01-front-line.md", null, "Newswire Samples"),
          article(run + "-trade", "02-trade-talks.md", word, "Newswire Samples"),
          article(run + "-quake", "04-quake.md", null, "Newswire Samples"),
          article(run + "-court", "06-court.md", null, "Newswire Samples")));
      await().atMost(Duration.ofSeconds(120)).until(() -> stored(stack, run) == 4);

      config = config.with(Map.of(NewswireConfig.CONSOLE_ENRICH_URL, "http://127.0.0.1:" + enrich.httpPort()));
      try (ConsoleApplication console = new ConsoleApplication(config)) {
        browser = chrome();
        browser.manage().window().setSize(new Dimension(1400, 1100));
        browser.get(console.url());
        WebDriver page = browser;
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(
            page.findElement(By.tagName("body")).getAttribute("data-loaded")));
        Object firstView = ((JavascriptExecutor) browser).executeScript("return window.newswireFirstViewMs");
        System.out.printf("console first view: %.0f ms after navigation started; %s%n", ((Number) firstView).doubleValue(),
            ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name.replace(/^.*\\//, '') + ' ' + Math.round(e.duration)).join(', ')"));
        browser.navigate().refresh();
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(
            page.findElement(By.tagName("body")).getAttribute("data-loaded")));
        System.out.printf("console first view after a reload: %.0f ms%n",
            ((Number) ((JavascriptExecutor) browser).executeScript("return window.newswireFirstViewMs")).doubleValue());

        // the sample stories, their entities highlighted by type
        WebElement front = browser.findElement(By.id("article-" + run + "-front"));
        assertThat(front.findElements(By.cssSelector("mark.LOC")).stream().map(WebElement::getText))
            .contains("Kharkiv");
        assertThat(front.findElements(By.cssSelector("mark.PER"))).isNotEmpty();
        assertThat(front.findElements(By.cssSelector(".chips button"))).isNotEmpty();
        // trend bars with sparklines, map markers, the watch and its alert
        await().atMost(Duration.ofSeconds(30)).until(() -> !page.findElements(By.cssSelector("#trend-entities li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#trend-entities .bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#markers circle"))).isNotEmpty();
        assertThat(browser.findElement(By.id("watches")).getText()).contains("Kharkiv " + word);
        await().atMost(Duration.ofSeconds(30)).until(() -> page.findElement(By.id("alerts")).getText()
            .contains("Ukrainian troops hold positions near Kharkiv"));

        // live: new articles appear without a reload (the marker set on this page survives); a copy makes a story
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");
        send(topics, stack, List.of(article(run + "-moon", "05-moon-probe.md", null, "Newswire Samples"),
            article(run + "-front-copy", "01-front-line.md", null, "Another Wire")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !page.findElements(By.id("article-" + run + "-moon")).isEmpty()
            && !page.findElements(By.id("article-" + run + "-front-copy")).isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true")).isEqualTo(true);
        assertThat(browser.findElement(By.id("articles")).findElements(By.tagName("li")).get(0).getAttribute("id"))
            .isIn("article-" + run + "-moon", "article-" + run + "-front-copy");
        await().atMost(Duration.ofSeconds(30)).until(() -> page.findElement(By.id("stories")).getText()
            .contains("Another Wire"));
        assertThat(browser.findElement(By.id("article-" + run + "-front")).findElement(By.className("meta")).getText())
            .contains("story of 2 articles, also from Another Wire");
        saveScreenshot(browser, "console.png");

        // markup in a title and a script link as the url: shown as text, and no link
        RawArticle hostile = RawArticle.newBuilder(article(run + "-heat", "07-heatwave.md", HOSTILE, "Newswire Samples"))
            .setUrl("javascript:alert(1)").build();
        send(topics, stack, List.of(hostile));
        await().atMost(Duration.ofSeconds(60)).until(() -> !page.findElements(By.id("article-" + run + "-heat")).isEmpty());
        WebElement heat = browser.findElement(By.id("article-" + run + "-heat"));
        assertThat(heat.findElement(By.tagName("h3")).getText()).endsWith(HOSTILE);
        assertThat(heat.findElements(By.tagName("img"))).isEmpty();
        assertThat(heat.findElements(By.tagName("a"))).isEmpty();

        // search, from the form
        browser.findElement(By.name("q")).sendKeys(word);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> page.findElement(By.id("hits")).getText()
            .contains(title("02-trade-talks.md")));
        saveScreenshot(browser, "search.png");

        // the keyboard: an entity chip is a button; Enter on it searches for the entity
        browser.findElement(By.id("live")).sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("stream")).isDisplayed()).isTrue();
        WebElement chip = browser.findElement(By.id("article-" + run + "-front")).findElement(By.cssSelector(".chips button"));
        String entity = chip.getText().replaceAll(" ×\\d+$", "");
        chip.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> page.findElement(By.id("results")).isDisplayed()
            && page.findElement(By.name("entity")).getAttribute("value").equals(entity)
            && !page.findElements(By.cssSelector("#hits li")).isEmpty());

        // a narrow window: one column, nothing wider than the window
        browser.findElement(By.id("live")).click();
        browser.manage().window().setSize(new Dimension(400, 900));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in a 400 px window").isLessThanOrEqualTo(0);
        saveScreenshot(browser, "narrow.png");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
      }
    } finally {
      if (browser != null) {
        browser.quit();
      }
      enrich.close();
      Watchlist.remove(config, run + "-watch"); // the module's other tests share the watches topic
    }
  }

  static WebDriver chrome() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where chromium's sandbox cannot start
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The installed driver, named: Selenium then never tries to download one.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * Saves a screenshot for a person to look at; it is not what the test checks. Headless Chromium's renderer
   * sometimes misses the driver's 10 s deadline for one right after a window resize on a loaded machine: one more
   * try, then the test goes on without it.
   */
  static void saveScreenshot(WebDriver browser, String name) throws IOException {
    File shot;
    try {
      shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    } catch (org.openqa.selenium.TimeoutException first) {
      try {
        shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      } catch (org.openqa.selenium.TimeoutException again) {
        System.err.println("ConsoleIT: no screenshot " + name + " (" + again.getMessage().lines().findFirst().orElse("") + ")");
        return;
      }
    }
    Path dir = Path.of("target", "console");
    Files.createDirectories(dir);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A shipped sample story as a raw article with its own id (and, if given, an extra word in its title). */
  static RawArticle article(String id, String sample, String extraWord, String source) throws IOException {
    String text = sample(sample);
    String body = text.substring(text.indexOf("\n---\n", 4) + 5).strip();
    String title = title(sample) + (extraWord == null ? "" : " " + extraWord);
    return RawArticle.newBuilder().setId(id).setSource(source).setUrl("https://console-it.example/" + id)
        .setTitle(title).setBody(body).setFetchedAt(Instant.now()).setPublishedAt(Instant.now())
        .setContentType("text/markdown").setContentHash("h-" + id).build();
  }

  static String title(String sample) throws IOException {
    return sample(sample).lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow().substring(7).strip();
  }

  static String sample(String name) throws IOException {
    try (InputStream in = ConsoleIT.class.getResourceAsStream("/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void send(Topics topics, LocalStack stack, List<RawArticle> articles) {
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
        stack.bootstrapServers()), topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer())) {
      articles.forEach(a -> producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, a.getId(), a)));
    }
  }

  static long stored(LocalStack stack, String run) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM articles WHERE id LIKE '" + run + "-%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
