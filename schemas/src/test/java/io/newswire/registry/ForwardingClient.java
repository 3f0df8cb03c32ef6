package io.newswire.registry;

import java.util.List;
import org.apache.avro.Schema;

/** Passes every call through, for tests that count or alter some of them. */
class ForwardingClient implements SchemaRegistryClient {
  private final SchemaRegistryClient delegate;

  ForwardingClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override public int register(String subject, Schema schema) { return delegate.register(subject, schema); }
  @Override public RegisteredSchema lookup(String subject, Schema schema) { return delegate.lookup(subject, schema); }
  @Override public Schema schemaById(int id) { return delegate.schemaById(id); }
  @Override public RegisteredSchema latest(String subject) { return delegate.latest(subject); }
  @Override public RegisteredSchema version(String subject, int version) { return delegate.version(subject, version); }
  @Override public CompatibilityResult checkCompatibility(String subject, Schema schema) { return delegate.checkCompatibility(subject, schema); }
  @Override public CompatibilityLevel compatibility(String subject) { return delegate.compatibility(subject); }
  @Override public void setCompatibility(String subject, CompatibilityLevel level) { delegate.setCompatibility(subject, level); }
  @Override public List<String> subjects() { return delegate.subjects(); }
  @Override public String describe() { return delegate.describe(); }
}
