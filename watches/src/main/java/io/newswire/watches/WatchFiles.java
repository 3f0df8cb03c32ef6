package io.newswire.watches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswire.schema.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Watches written as JSON or YAML files. The rule is either the written form ({@code rule: 'org:NATO AND
 * country:TR'}) or a tree of {@code all}, {@code any}, {@code not} and terms:
 * <pre>
 * id: wagner-bakhmut
 * name: Wagner and Bakhmut in one article
 * minSalience: 0.1
 * rule:
 *   all:
 *     - org: Wagner Group
 *     - any: [{place: Bakhmut}, {near: "48.6,38.0,30km"}]
 *     - not: {topic: sport}
 * </pre>
 * Errors name the path of the bad part, e.g. {@code rule.all[1].any[0]}.
 */
public final class WatchFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private WatchFiles() {}

  public static Watch read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    JsonNode root = (name.endsWith(".json") ? JSON : YAML).readTree(Files.readString(file));
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected an object with id, name and rule");
    }
    return fromTree(root, Instant.now());
  }

  static Watch fromTree(JsonNode root, Instant now) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!List.of("id", "name", "rule", "minSalience", "webhook").contains(field)) {
        throw new IllegalArgumentException("unknown key '" + field + "': a watch has id, name, rule, minSalience and webhook");
      }
    }
    String id = text(root, "id");
    JsonNode ruleNode = root.get("rule");
    if (ruleNode == null || ruleNode.isNull()) {
      throw new IllegalArgumentException("the watch has no rule");
    }
    Rule rule = ruleNode.isTextual() ? RuleParser.parse(ruleNode.asText()) : tree(ruleNode, "rule");
    double minSalience = root.path("minSalience").asDouble(0.0);
    return watch(id, root.hasNonNull("name") ? root.get("name").asText() : id, rule, minSalience,
        root.hasNonNull("webhook") ? root.get("webhook").asText() : null, now);
  }

  /** A checked watch; the rule is stored in its canonical written form. */
  public static Watch watch(String id, String name, Rule rule, double minSalience, String webhook, Instant now) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException("a watch id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit: '"
          + id + "'");
    }
    if (minSalience < 0 || minSalience > 1) {
      throw new IllegalArgumentException("minSalience is between 0 and 1, not " + minSalience);
    }
    if (webhook != null && !webhook.matches("(?i)https?://\\S+")) {
      throw new IllegalArgumentException("webhook must be an http:// or https:// URL: '" + webhook + "'");
    }
    String canonical = rule.toString();
    RuleParser.parse(canonical); // the stored form must read back
    return Watch.newBuilder().setId(id).setName(name).setRule(canonical).setMinSalience(minSalience)
        .setWebhook(webhook).setCreatedAt(now).build();
  }

  private static Rule tree(JsonNode node, String path) {
    if (node.isTextual()) {
      try {
        return RuleParser.parse(node.asText());
      } catch (RuleSyntaxException e) {
        throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
      }
    }
    if (!node.isObject() || node.size() != 1) {
      throw new IllegalArgumentException(path + ": expected one of all, any, not or a term such as {person: Name}");
    }
    Map.Entry<String, JsonNode> only = node.fields().next();
    String key = only.getKey();
    JsonNode value = only.getValue();
    switch (key) {
      case "all", "any" -> {
        if (!value.isArray() || value.isEmpty()) {
          throw new IllegalArgumentException(path + "." + key + ": expected a list of rules");
        }
        List<Rule> parts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          parts.add(tree(value.get(i), path + "." + key + "[" + i + "]"));
        }
        return parts.size() == 1 ? parts.get(0) : key.equals("all") ? new Rule.All(parts) : new Rule.Any(parts);
      }
      case "not" -> {
        return new Rule.Not(tree(value, path + ".not"));
      }
      default -> {
        Rule.Field field = Rule.Field.of(key);
        if (field == null) {
          throw new IllegalArgumentException(path + ": unknown key '" + key + "'; expected all, any, not or a field ("
              + String.join(", ", java.util.Arrays.stream(Rule.Field.values()).map(f -> f.word).toList()) + ")");
        }
        if (!value.isValueNode() || value.isNull()) {
          throw new IllegalArgumentException(path + "." + key + ": expected a value: " + field.help);
        }
        try {
          return Terms.checked(field, value.asText().strip().replaceAll("\\s+", " "));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + "." + key + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
