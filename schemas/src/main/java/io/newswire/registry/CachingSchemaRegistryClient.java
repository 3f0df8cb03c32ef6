package io.newswire.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * Caches what never changes (schema to id per subject, id to schema) forever and a subject's latest version
 * for a TTL, so the serdes call the registry once per schema rather than once per record.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, Schema schema) {}

  private record Expiring(RegisteredSchema value, long expiresAtMs) {}

  private final SchemaRegistryClient delegate;
  private final long latestTtlMs;
  private final LongSupplier clock;
  private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookedUp = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
  private final Map<String, Expiring> latest = new ConcurrentHashMap<>();

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs) {
    this(delegate, latestTtlMs, System::currentTimeMillis);
  }

  CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs, LongSupplier clock) {
    this.delegate = delegate;
    this.latestTtlMs = latestTtlMs;
    this.clock = clock;
  }

  @Override
  public int register(String subject, Schema schema) {
    return registered.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
      int id = delegate.register(subject, schema);
      byId.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return lookedUp.computeIfAbsent(new SubjectSchema(subject, schema), k -> delegate.lookup(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return byId.computeIfAbsent(id, delegate::schemaById);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    long now = clock.getAsLong();
    Expiring cached = latest.get(subject);
    if (cached != null && (latestTtlMs < 0 || now < cached.expiresAtMs())) {
      return cached.value();
    }
    RegisteredSchema fresh = delegate.latest(subject);
    latest.put(subject, new Expiring(fresh, now + latestTtlMs));
    byId.putIfAbsent(fresh.id(), fresh.schema());
    return fresh;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return delegate.version(subject, version);
  }

  @Override
  public CompatibilityResult checkCompatibility(String subject, Schema schema) {
    return delegate.checkCompatibility(subject, schema);
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    return delegate.compatibility(subject);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
