package io.newswire.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleParserTest {
  @Test
  void readsTermsOperatorsAndParentheses() {
    Rule rule = RuleParser.parse("org:\"Wagner Group\" and (place:Bakhmut OR near:48.6,38.0,30) not topic:15000000");
    assertThat(rule.toString())
        .isEqualTo("org:\"Wagner Group\" AND (place:Bakhmut OR near:48.6,38.0,30km) AND NOT topic:medtop:15000000");
    // the canonical form reads back to itself
    assertThat(RuleParser.parse(rule.toString()).toString()).isEqualTo(rule.toString());
  }

  @Test
  void aBareQuotedStringIsAPhrase() {
    assertThat(RuleParser.parse("\"central bank\" country:tr").toString()).isEqualTo("phrase:\"central bank\" AND country:TR");
  }

  @Test
  void andBindsTighterThanOr() {
    Rule rule = RuleParser.parse("person:A AND person:B OR person:C");
    assertThat(rule).isInstanceOf(Rule.Any.class);
    assertThat(rule.toString()).isEqualTo("person:A AND person:B OR person:C");
  }

  @Test
  void errorsPointAtTheBadPart() {
    assertThatThrownBy(() -> RuleParser.parse("person:Putin AND plce:Kyiv"))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessageContaining("at character 18: unknown field 'plce'")
        .satisfies(e -> assertThat(((RuleSyntaxException) e).pointer())
            .isEqualTo("  person:Putin AND plce:Kyiv\n                   ^ " + e.getMessage()));
    assertThatThrownBy(() -> RuleParser.parse("(person:Putin OR person:Zelensky"))
        .hasMessageContaining("at character 1: this '(' is never closed");
    assertThatThrownBy(() -> RuleParser.parse("person:\"Putin")).hasMessageContaining("quote is never closed");
    assertThatThrownBy(() -> RuleParser.parse("Putin")).hasMessageContaining("'Putin' is not a term");
    assertThatThrownBy(() -> RuleParser.parse("person:Putin AND")).hasMessageContaining("the rule ends where a term was expected");
    assertThatThrownBy(() -> RuleParser.parse("OR person:Putin")).hasMessageContaining("'OR' needs a term before it");
    assertThatThrownBy(() -> RuleParser.parse("country:Turkey")).hasMessageContaining("at character 9: country: takes a two-letter");
    assertThatThrownBy(() -> RuleParser.parse("near:91,0,10km")).hasMessageContaining("latitude must be within");
    assertThatThrownBy(() -> RuleParser.parse("person:Putin)")).hasMessageContaining("a ')' without its '('");
    assertThatThrownBy(() -> RuleParser.parse("person:")).hasMessageContaining("person: needs a value");
    assertThatThrownBy(() -> RuleParser.parse(" ")).hasMessageContaining("the rule is empty");
  }
}
