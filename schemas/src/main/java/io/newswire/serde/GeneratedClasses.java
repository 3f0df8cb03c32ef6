package io.newswire.serde;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes named by a schema unless they are trusted, which guards against
 * schemas naming arbitrary classes. Classes generated from Avro schemas (records and enums) are exactly what
 * a specific reader must load, so they are trusted, and nothing else is added.
 */
final class GeneratedClasses {
  private static boolean trusted;

  private GeneratedClasses() {}

  static synchronized void trust() {
    if (!trusted) {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
          c -> SpecificRecord.class.isAssignableFrom(c) || (c.isEnum() && GenericEnumSymbol.class.isAssignableFrom(c))));
      trusted = true;
    }
  }
}
