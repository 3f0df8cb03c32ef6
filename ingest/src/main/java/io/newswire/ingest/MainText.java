package io.newswire.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The main text of a page, by a cascade:
 * <ol>
 *   <li>the page cleaned of what is never the article: scripts, forms' controls, navigation, and blocks whose
 *       class or id says comments, related stories, sharing, promotion, sidebars (unless they also say article
 *       or content, or hold most of the page's text);
 *   <li>the block that scores best, as readability-style extractors score: each paragraph (a {@code <p>}, or any
 *       element holding text of its own, so {@code <div>} and {@code <br>} paragraphs count) gives its parent a
 *       score for its length and commas, half of it to the grandparent; a block's score is discounted by its
 *       link density (menus and teasers are mostly links). A comment or a teaser in an {@code <article>} element
 *       no longer wins by its tag;
 *   <li>JSON-LD {@code articleBody} when the block found is much shorter than it (the page renders its text by
 *       script, or the markup defeated the search);
 *   <li>otherwise the whole page's text blocks that are not mostly links.
 * </ol>
 * Text comes out one paragraph per block, {@code <br>} as line breaks, blocks that are mostly links dropped, and
 * lines that are notices rather than prose ({@link PageNotices}: "Posted: Nov 8, 2023", "Views: 184") dropped.
 * Nothing here depends on the page's language.
 */
final class MainText {
  // h1 is the title, which the metadata gives: the body starts after it.
  // rt and rp are ruby annotations (the reading of each kanji): text of their own would repeat every word.
  private static final String NEVER_TEXT = "h1, rt, rp, script, style, noscript, template, iframe, svg, canvas, object, embed,"
      + " button, input, select, textarea, nav, footer, aside, dialog, menu, [hidden], [aria-hidden=true],"
      + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=search]";
  private static final Pattern UNLIKELY = Pattern.compile("comment|disqus|respond|reply|related|similar|recommend"
      + "|more-?stories|read-?more|also-?read|share|sharing|social|follow|newsletter|subscri|signup|sign-up|promo"
      + "|sponsor|advert|(^|[-_ ])ads?([-_ ]|$)|banner|sidebar|widget|footer|breadcrumb|cookie|consent|gdpr|popup"
      + "|modal|overlay|navbar|(^|[-_ ])nav([-_ ]|$)|menu|masthead|header|toolbar|pagination|pager|tags?([-_ ]|$)"
      + "|tag-?list|author-?(bio|box|info)|most-?(read|popular|viewed)|popular|trending|teaser|outbrain|taboola"
      + "|jump|skip|print|rss|hidden|login|search|caption|credit|meta-?data|byline|dateline|timestamp|rating");
  /** Names that are never the article, whatever they hold. */
  private static final Pattern NEVER_ARTICLE = Pattern.compile("comment|disqus|respond|reply|related|similar"
      + "|recommend|more-?stories|read-?more|also-?read|newsletter|subscri|cookie|consent|gdpr|outbrain|taboola"
      + "|most-?(read|popular|viewed)|teaser");
  private static final Pattern LIKELY = Pattern.compile("article|content|entry|main|post|story|text|body|blog|column"
      + "|prose|rich-?text");
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl",
      "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
      "thead", "figure", "figcaption", "header", "address", "center", "form", "fieldset", "hr", "details", "summary");
  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "td", "dd");
  /** schema.org properties that mark the article's text or its lead. */
  private static final Set<String> MARKED = Set.of("articlebody", "description", "text", "reviewbody");

  private MainText() {}

  static String of(Document page, String ldBody) {
    Document doc = page.clone();
    Element body = doc.body();
    if (body == null) {
      return ldBody == null ? "" : ldBody;
    }
    clean(body);
    Map<Element, Double> scores = scores(body);
    Map<Element, int[]> lengths = lengths(body);
    Element best = best(scores, lengths);
    String text = best == null ? "" : withSiblings(best, scores, lengths);
    String ld = ldBody == null ? "" : Markup.block(ldBody).strip();
    if (ld.length() >= 200 && text.length() < ld.length() * 0.8) {
      return PageNotices.without(ld); // the markup defeated the search, or the text is rendered by script
    }
    if (text.length() < 500) {
      // Little found: the page's own text blocks, if they hold much more (pages with no paragraphs to score).
      String whole = blocks(body);
      if (whole.length() > 3 * text.length()) {
        return PageNotices.without(whole);
      }
    }
    return withoutTrailingHeadings(PageNotices.without(text));
  }

  /** Removes what is never the article's text. */
  static void clean(Element body) {
    unwrapTemplates(body);
    // A form that asks for a password or an e-mail is a log-in or sign-up box, with its own prose (the
    // validation messages) that can outweigh a short story. A form around the whole page (some frameworks
    // wrap every page in one) holds the headline or the article element, and stays.
    for (Element form : body.select("form:has(input[type=password]), form:has(input[type=email])")) {
      if (form.selectFirst("h1, article, main, [itemprop=articleBody]") == null) {
        form.remove();
      }
    }
    body.select(NEVER_TEXT).remove();
    removeDiagnostics(body);
    for (Element e : body.select("[style]")) {
      String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
      if (style.contains("display:none") || style.contains("visibility:hidden")) {
        e.remove();
      }
    }
    int total = Math.max(1, body.text().length());
    List<Element> unlikely = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.tagName().equals("article") || e.tagName().equals("main") || MARKED.contains(
          e.attr("itemprop").toLowerCase(Locale.ROOT))) {
        continue; // what the page marks as the article, its description or its text stays, whatever its class
      }
      String names = names(e);
      if (names.isBlank() || !UNLIKELY.matcher(names).find() || LIKELY.matcher(names).find()) {
        continue;
      }
      unlikely.add(e);
    }
    int removed = 0;
    for (Element e : unlikely) {
      if (e.parent() == null) {
        continue; // inside one removed already
      }
      String names = names(e);
      int length = e.text().length();
      // Comments, related stories and the like go whatever they hold. Other names ("widget", "ads", "header")
      // are given to wrappers of the article too by page builders: such a block stays when it holds prose (two
      // paragraphs of its own), and no such removal may take most of the page.
      boolean always = NEVER_ARTICLE.matcher(names).find() && !holdsMain(e);
      if (always || !holdsProse(e) && removed + length < total * 0.5) {
        removed += length;
        e.remove();
      }
    }
  }

  /**
   * What a PHP server prints into a page when it fails: "Warning: ... in /path/file.php on line 928". The file's
   * name is part of it ({@link #FILE}): "Warning: delays on line 4" is news. One lazy run of at most 2,000
   * characters per label keeps the search linear on any page.
   */
  private static final Pattern DIAGNOSTIC = Pattern.compile("(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards"
      + "|Fatal error|Parse error|Catchable fatal error)\\s*:[^\\n]{0,2000}? on line \\d+");
  private static final Pattern FILE = Pattern.compile(" in \\S*\\.(?:php\\w*|inc) on line \\d+$");
  private static final Pattern DIAGNOSTIC_LABEL = Pattern.compile("(?:PHP )?(?:Warning|Notice|Deprecated"
      + "|Strict Standards|Fatal error|Parse error|Catchable fatal error)");

  /**
   * Removes the error messages a broken PHP site prints into its pages. A page of them (one site here printed 241)
   * outweighed the article and made a German blog read as English; they are nobody's text. PHP writes each as
   * "<b>Warning</b>: message in <b>file</b> on line <b>928</b><br />", or as plain text.
   */
  static void removeDiagnostics(Element body) {
    for (Element label : body.select("b, strong")) {
      if (label.parent() == null || !DIAGNOSTIC_LABEL.matcher(label.text().strip()).matches() || quoted(label)) {
        continue;
      }
      List<Node> message = new ArrayList<>();
      StringBuilder text = new StringBuilder(label.text());
      for (Node n = label.nextSibling(); n != null && message.size() < 12 && text.length() < 2500; n = n.nextSibling()) {
        message.add(n);
        if (n instanceof Element e && e.tagName().equals("br")) {
          break;
        }
        text.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "");
      }
      String whole = text.toString().strip();
      java.util.regex.Matcher m = DIAGNOSTIC.matcher(whole);
      if (m.lookingAt() && m.end() == whole.length() && FILE.matcher(whole).find()) {
        message.forEach(Node::remove);
        label.remove();
      }
    }
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t && t.getWholeText().contains(" on line ") && !quoted(t)) {
          String text = t.getWholeText();
          StringBuilder kept = new StringBuilder();
          java.util.regex.Matcher m = DIAGNOSTIC.matcher(text);
          int from = 0;
          while (m.find()) {
            if (FILE.matcher(m.group()).find()) {
              kept.append(text, from, m.start());
              from = m.end();
            }
          }
          if (from > 0) {
            t.text(kept.append(text.substring(from)).toString());
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {}
    }, body);
  }

  /** Inside code the page shows ({@code <pre>}, {@code <code>}): a tutorial's example of an error is its text. */
  private static boolean quoted(Node node) {
    for (Node n = node.parentNode(); n instanceof Element e; n = n.parentNode()) {
      if (e.tagName().equals("pre") || e.tagName().equals("code")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a block holds what the page marks as its main content. Some themes wrap the whole page in a block
   * named for a recommendation vendor ("theme-taboola"): that name says nothing about what it holds.
   */
  private static boolean holdsMain(Element e) {
    return e.selectFirst("main, [role=main], [itemprop=articleBody]") != null;
  }

  /**
   * Pages that render the article from a client-side template ({@code <script type="text/template">} inside the
   * article's element, as some blog platforms do) have their text only there: it is parsed as the markup it is.
   */
  static void unwrapTemplates(Element body) {
    for (Element script : body.select("script[type~=(?i)text/(x-)?template]")) {
      boolean inArticle = false;
      for (Element up = script.parent(); up != null && up != body && !inArticle; up = up.parent()) {
        inArticle = up.attr("itemprop").equalsIgnoreCase("articleBody")
            || LIKELY.matcher(names(up)).find();
      }
      String html = script.data();
      if (inArticle && html.contains("<p")) {
        script.before(html);
        script.remove();
      }
    }
  }

  /**
   * The best block's text and that of its siblings that score well too: pages split one article into several
   * columns or groups of paragraphs side by side (a sibling counts from a fifth of the best score, or when it
   * is a paragraph of prose).
   */
  static String withSiblings(Element best, Map<Element, Double> scores, Map<Element, int[]> lengths) {
    double bestScore = scores.getOrDefault(best, 0.0) * (1 - linkDensity(best, lengths));
    // A block that is all its wrapper holds (a column in a row, between advertisements) looks for its
    // siblings at the wrapper's level: the article's other parts sit in the wrapper's siblings.
    int climbed = 0;
    while (best.parent() != null && !best.parent().tagName().equals("body") && climbed < 3
        && length(best.parent(), lengths) <= length(best, lengths) + 5) {
      best = best.parent();
      climbed++;
    }
    Element parent = best.parent();
    if (parent == null || parent.tagName().equals("body") && parent.children().size() > 50) {
      return blocks(best);
    }
    List<String> parts = new ArrayList<>();
    double threshold = Math.max(10, bestScore * (climbed == 0 ? 0.2 : 0.5));
    for (Element sibling : parent.children()) {
      boolean take = sibling == best;
      if (!take) {
        Double score = climbed == 0 ? scores.get(sibling) : deepest(sibling, scores, climbed);
        double density = linkDensity(sibling, lengths);
        take = score != null && score * (1 - density) >= threshold
            || PARAGRAPHS.contains(sibling.tagName()) && ownText(sibling).length() >= 80 && density < 0.25;
      }
      if (take) {
        String text = blocks(sibling);
        if (!text.isEmpty()) {
          parts.add(text);
        }
      }
    }
    return String.join("\n\n", parts);
  }

  /**
   * An element's class and id, lower-cased, for the name patterns: matching lower case is several times faster
   * than matching case-insensitively, and these patterns run on every element of every page.
   */
  private static String names(Element e) {
    String cls = e.attr("class");
    String id = e.attr("id");
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  private static int length(Element e, Map<Element, int[]> lengths) {
    int[] counts = lengths.get(e);
    return counts == null ? e.text().length() : counts[0];
  }

  /** The best score of a block within the sibling, down to the depth the best block was found at. */
  private static Double deepest(Element sibling, Map<Element, Double> scores, int depth) {
    Double best = scores.get(sibling);
    if (depth > 0) {
      for (Element child : sibling.children()) {
        Double score = deepest(child, scores, depth - 1);
        if (score != null && (best == null || score > best)) {
          best = score;
        }
      }
    }
    return best;
  }

  /** Each block's score: the paragraphs it holds, by their length and commas, half of a grandchild's. */
  static Map<Element, Double> scores(Element body) {
    // In document order, so that ties between equal scores go the same way on every run.
    Map<Element, Double> scores = new java.util.LinkedHashMap<>();
    for (Element e : body.getAllElements()) {
      if (!isParagraph(e)) {
        continue;
      }
      String own = ownText(e);
      if (own.length() < 25) {
        continue;
      }
      double score = 1 + commas(own) + Math.min(own.length() / 100.0, 3);
      Element parent = e.parent();
      if (parent != null) {
        scores.merge(parent, score, Double::sum);
        Element grandparent = parent.parent();
        if (grandparent != null) {
          scores.merge(grandparent, score / 2, Double::sum);
        }
      }
      if (!PARAGRAPHS.contains(e.tagName())) {
        scores.merge(e, score, Double::sum); // a div of text of its own is a candidate itself
      }
    }
    return scores;
  }

  /**
   * The block that scores best, discounted by its link density; or, when several of the best blocks sit in one
   * ancestor (an article split into columns or groups of paragraphs), that ancestor.
   */
  static Element best(Map<Element, Double> scores, Map<Element, int[]> lengths) {
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
      double score = (candidate.getValue() + weight(candidate.getKey())) * (1 - linkDensity(candidate.getKey(), lengths));
      ranked.add(Map.entry(candidate.getKey(), score));
    }
    if (ranked.isEmpty()) {
      return null;
    }
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Element best = ranked.get(0).getKey();
    double bestScore = ranked.get(0).getValue();
    List<Element> strong = ranked.stream().limit(5).filter(c -> c.getValue() >= bestScore * 0.3)
        .map(Map.Entry::getKey).toList();
    if (strong.size() >= 3) {
      for (Element ancestor = best.parent(); ancestor != null && !ancestor.tagName().equals("body");
           ancestor = ancestor.parent()) {
        Element a = ancestor;
        long inside = strong.stream().filter(c -> c == a || c.parents().contains(a)).count();
        if (inside >= 3) {
          return ancestor;
        }
      }
    }
    return best;
  }

  /**
   * What a block's names and tag say of it, as readability weighs them: +25 for article, content, story and the
   * like (and for {@code <article>}, {@code <main>}, {@code itemprop=articleBody}), -25 for comments, sidebars and
   * the like.
   */
  static double weight(Element e) {
    String names = names(e);
    double weight = 0;
    if (LIKELY.matcher(names).find() || e.tagName().equals("article") || e.tagName().equals("main")
        || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      weight += 25;
    }
    if (!names.isBlank() && UNLIKELY.matcher(names).find()) {
      weight -= 25;
    }
    return weight;
  }

  /** Two paragraphs or more of prose of its own (80 characters each, mostly not links). */
  static boolean holdsProse(Element e) {
    int paragraphs = 0;
    for (Element p : e.select("p, div, td, blockquote")) {
      if ((PARAGRAPHS.contains(p.tagName()) || isParagraph(p)) && ownText(p).length() >= 80 && linkDensity(p) < 0.3
          && ++paragraphs >= 2) {
        return true;
      }
    }
    return false;
  }

  /** A paragraph: a {@code <p>} and its kin, or any block holding text of its own (not only in child blocks). */
  private static boolean isParagraph(Element e) {
    if (PARAGRAPHS.contains(e.tagName())) {
      return true;
    }
    return (e.tagName().equals("div") || e.tagName().equals("section") || e.tagName().equals("article")
        || e.tagName().equals("span") || e.tagName().equals("font") || e.tagName().equals("center"))
        && ownText(e).length() >= 80;
  }

  /** The text of the element's text nodes and inline children, not of its child blocks. */
  static String ownText(Element e) {
    StringBuilder out = new StringBuilder();
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        out.append(t.text());
      } else if (child instanceof Element c && !BLOCKS.contains(c.tagName())) {
        out.append(c.text());
      }
    }
    return out.toString().strip();
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }

  /**
   * Every element's text length and the part of it inside links, in one pass over the page: computing them per
   * candidate walked the same subtrees again and again.
   */
  static Map<Element, int[]> lengths(Element root) {
    Map<Element, int[]> lengths = new IdentityHashMap<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private int inLink;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          lengths.put(e, new int[2]);
          if (e.tagName().equals("a")) {
            inLink++;
          }
        } else if (node instanceof TextNode t) {
          int n = t.text().strip().length();
          for (Node up = t.parent(); up instanceof Element e; up = e.parent()) {
            int[] counts = lengths.get(e);
            if (counts == null) {
              break; // above the root
            }
            counts[0] += n;
            if (inLink > 0) {
              counts[1] += n;
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.tagName().equals("a")) {
          inLink--;
        }
      }
    }, root);
    return lengths;
  }

  static double linkDensity(Element e, Map<Element, int[]> lengths) {
    int[] counts = lengths.get(e);
    if (counts == null) {
      return linkDensity(e);
    }
    return counts[0] == 0 ? 1 : Math.min(1, counts[1] / (double) counts[0]);
  }

  static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 1;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1, links / (double) all);
  }

  /**
   * One paragraph per block, {@code <br>} as a line break; blocks that are mostly links are left out. A table row
   * of short cells is one line, its cells separated by " | ", and the rows of a table follow each other line by
   * line ("Ajax | 2 | PSV Eindhoven | 2"): a results table read cell by cell, each cell a paragraph, loses the rows
   * the tagger reads results and standings by.
   */
  static String blocks(Element root) {
    List<String> paragraphs = new ArrayList<>();
    List<Boolean> rows = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] linked = {0};
    int[] inLink = {0};
    boolean[] cellAfterCell = {false}; // a " | " is due before the next text: empty cells get none
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String text = t.getWholeText().replaceAll("\\s+", " ");
          if (cellAfterCell[0] && !text.replace('\u00A0', ' ').isBlank()) {
            current.append(" | ");
            cellAfterCell[0] = false;
          }
          current.append(text);
          if (inLink[0] > 0) {
            linked[0] += text.strip().length();
          }
        } else if (node instanceof Element e) {
          if (e.tagName().equals("br")) {
            current.append('\n');
          } else if (e.tagName().equals("a")) {
            inLink[0]++;
          } else if (inlineCell(e)) {
            cellAfterCell[0] = !current.toString().replace('\u00A0', ' ').isBlank();
          } else if (BLOCKS.contains(e.tagName())) {
            cellAfterCell[0] = false;
            flush(paragraphs, rows, current, linked, false);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          if (e.tagName().equals("a")) {
            inLink[0]--;
          } else if (inlineCell(e)) {
            return;
          } else if (BLOCKS.contains(e.tagName())) {
            cellAfterCell[0] = false;
            flush(paragraphs, rows, current, linked, e.tagName().equals("tr"));
          }
        }
      }
    }, root);
    flush(paragraphs, rows, current, linked, false);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < paragraphs.size(); i++) {
      if (i > 0) {
        boolean rowAfterRow = rows.get(i) && rows.get(i - 1);
        out.append(rowAfterRow ? "\n" : "\n\n");
      }
      out.append(paragraphs.get(i));
    }
    return out.toString();
  }

  /** A table cell of a few words, no blocks inside: part of its row's line, not a paragraph of its own. */
  private static boolean inlineCell(Element e) {
    if (!e.tagName().equals("td") && !e.tagName().equals("th")) {
      return false;
    }
    for (Element inside : e.getAllElements()) {
      if (inside != e && BLOCKS.contains(inside.tagName())) {
        return false;
      }
    }
    return e.text().length() <= 60;
  }

  /** Ends the paragraph being read; {@code row}: it is a table's row, which the next row follows on the next line. */
  private static void flush(List<String> paragraphs, List<Boolean> rows, StringBuilder current, int[] linked,
      boolean row) {
    String text = current.toString().replaceAll(" *\n *", "\n").replaceAll(" {2,}", " ").strip();
    int length = text.replace("\n", "").replace(" ", "").length();
    int links = linked[0];
    current.setLength(0);
    linked[0] = 0;
    if (text.isEmpty()) {
      return;
    }
    // A block that is mostly links is a menu, a list of teasers or tags, unless it is long prose with links in it;
    // the short heading just before it ("Related stories", "Mehr zum Thema") goes with it.
    if (length > 0 && links > length * 0.6 && length < 300) {
      if (!paragraphs.isEmpty() && isHeading(paragraphs.get(paragraphs.size() - 1))) {
        paragraphs.remove(paragraphs.size() - 1);
        rows.remove(rows.size() - 1);
      }
      return;
    }
    paragraphs.add(text);
    rows.add(row);
  }

  /** A short line that does not end a sentence: a heading, a label ("Kontakt:"), a button. */
  static boolean isHeading(String text) {
    String t = text.strip();
    if (t.length() > 60 || t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return last != '.' && last != '!' && last != '?' && last != '"' && last != '”' && last != '»' && last != '。';
  }

  /** Text without the headings and labels left dangling at its end, whose content was removed. */
  static String withoutTrailingHeadings(String text) {
    List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
    while (paragraphs.size() > 1 && isHeading(paragraphs.get(paragraphs.size() - 1))
        && paragraphs.get(paragraphs.size() - 1).length() <= 30) {
      paragraphs.remove(paragraphs.size() - 1);
    }
    return String.join("\n\n", paragraphs);
  }
}
