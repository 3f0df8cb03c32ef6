package io.newswire.registry;

/** Compatibility levels as the Confluent protocol names them. Newswire's own subjects use BACKWARD. */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  boolean checksBackward() {
    return this != NONE && !name().startsWith("FORWARD");
  }

  boolean checksForward() {
    return name().startsWith("FORWARD") || name().startsWith("FULL");
  }
}
