package io.newswire.enrich;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the process ({@code enrich.rocksdb.memory.mb}): a block cache
 * shared by all of them, with their memtables counted against it, and index and filter blocks kept in it.
 * Without it each RocksDB instance takes its own block cache and memtables (Kafka Streams' defaults: 50 MB
 * and three of 16 MB), and enrich has one per store, partition and window segment: most of its memory outside
 * the Java heap. Kafka Streams' documentation describes this arrangement ("bounded memory usage").
 */
public final class RocksDbMemory implements RocksDBConfigSetter {
  /** The budget in bytes, read from the streams configuration (set by {@link EnrichTopology#streamsConfig}). */
  public static final String BUDGET_CONFIG = "newswire.rocksdb.memory.bytes";
  private static final long DEFAULT_BUDGET = 64L << 20;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  /** The shared cache and write-buffer manager, made once per process with the first store's budget. */
  private static synchronized void share(long budget) {
    if (cache == null) {
      // A quarter of the budget is for memtables; index and filter blocks have a fifth kept for them.
      cache = new LRUCache(budget, -1, false, 0.2);
      writeBuffers = new WriteBufferManager(budget / 4, cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object value = configs.get(BUDGET_CONFIG);
    share(value == null ? DEFAULT_BUDGET : Long.parseLong(value.toString()));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setTableFormatConfig(table);
    // Small memtables: the stores hold short records, and many memtables share the budget.
    options.setWriteBufferSize(4L << 20);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store of the process: never closed here.
  }
}
