package io.newswire.enrich.stories;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which band and entity keys the {@link ArticleIndex} may hold: a Bloom filter on the heap, so that {@link Stories}
 * asks RocksDB only about keys that may be there. Most of an article's 16 band and 4 entity lookups are for keys
 * that are not, and RocksDB, which keeps no filter for its last level (Kafka Streams' {@code
 * optimizeFiltersForHits}), read a data block for each of them: a tenth of the stream thread's time.
 *
 * <p>Only the global thread writes (every key before it is put, and the whole store when the filter is seeded or
 * rebuilt); stream threads read. A key that is in the store is always in the filter, so an answer of "absent" is
 * certain; "present" may be wrong, and the store then answers. Removed keys stay in the filter until the next
 * rebuild, which the index's updater runs every quarter of the index's retention of index time; with many more keys
 * than the filter was sized for it answers "present" more often, never wrongly "absent".
 *
 * <p>Written here rather than taken from Guava's {@code BloomFilter}: the bit array is a few lines, enrich has no
 * Guava otherwise, and what matters (seeding from the store, rebuilding and swapping the whole filter) would be
 * ours either way.
 */
public final class IndexFilter {
  /** 2^26 bits: 8 MB, about one false "present" in 100,000 at a million keys and one in seven at 16 million. */
  static final int BITS = 1 << 26;
  private static final int HASHES = 4;

  /** Null until the filter is seeded from the store: until then every key may be there. */
  private volatile AtomicLongArray bits;
  private final int size;
  private long rebuiltAt = Long.MIN_VALUE;

  public IndexFilter() {
    this(BITS);
  }

  IndexFilter(int size) {
    if (Integer.bitCount(size) != 1 || size < 64) {
      throw new IllegalArgumentException("the filter's size must be a power of two of at least 64 bits: " + size);
    }
    this.size = size;
  }

  /** False only if the key is certainly not in the index. */
  public boolean mightContain(String key) {
    AtomicLongArray current = bits;
    if (current == null) {
      return true;
    }
    long hash = hash(key);
    for (int i = 0; i < HASHES; i++) {
      int bit = bit(hash, i);
      if ((current.get(bit >>> 6) & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Called on the global thread before the key is put into the store. */
  void add(String key) {
    AtomicLongArray current = bits;
    if (current != null) { // before seeding, the seed's scan of the store will find the key
      add(current, key);
    }
  }

  private void add(AtomicLongArray target, String key) {
    long hash = hash(key);
    for (int i = 0; i < HASHES; i++) {
      int bit = bit(hash, i);
      int word = bit >>> 6;
      long before = target.get(word);
      long after = before | (1L << bit);
      if (after != before) {
        target.set(word, after); // one writer: the global thread
      }
    }
  }

  /** Fills the filter from what the store already holds, once: a store restored from disk is not replayed. */
  void seed(KeyValueStore<String, String> store) {
    if (bits == null) {
      rebuild(store, Long.MIN_VALUE);
    }
  }

  /** Rebuilds the filter from the store when a quarter of the retention has passed since the last rebuild. */
  void maybeRebuild(KeyValueStore<String, String> store, long indexTime) {
    if (rebuiltAt != Long.MIN_VALUE && indexTime - rebuiltAt >= ArticleIndex.RETENTION_MS / 4) {
      rebuild(store, indexTime);
    } else if (rebuiltAt == Long.MIN_VALUE) {
      rebuiltAt = indexTime;
    }
  }

  /** A new filter of the store's band and entity keys, swapped in whole: readers never see it half built. */
  private void rebuild(KeyValueStore<String, String> store, long indexTime) {
    AtomicLongArray fresh = new AtomicLongArray(size / 64);
    for (String prefix : new String[] {ArticleIndex.BAND, ArticleIndex.ENTITY}) {
      try (KeyValueIterator<String, String> keys = store.range(prefix, prefix + '\uffff')) {
        keys.forEachRemaining(entry -> add(fresh, entry.key));
      }
    }
    bits = fresh;
    rebuiltAt = indexTime;
  }

  /** The i-th of a key's bits: double hashing with the two halves of its hash. */
  private int bit(long hash, int i) {
    return ((int) hash + i * ((int) (hash >>> 32) | 1)) & (size - 1);
  }

  /** 64-bit FNV-1a over the key's UTF-8 bytes, finished with a mix so that both halves are usable. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
