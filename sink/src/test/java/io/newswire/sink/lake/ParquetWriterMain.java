package io.newswire.sink.lake;

import io.newswire.sink.ArticleChange;
import io.newswire.sink.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes large batches to a lake until killed: the child process {@link ParquetLakeIT} kills mid-write. */
public final class ParquetWriterMain {
  public static void main(String[] args) {
    ParquetStore store = new ParquetStore(Path.of(args[0]));
    String body = "The harbour authority said the new berth would open in spring. ".repeat(300);
    for (long offset = 0; ; ) {
      List<ArticleChange> batch = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        var a = Fixtures.article("w-" + offset, 1, "Article " + offset);
        a.getArticle().setBody(body + offset);
        batch.add(new ArticleChange.Upsert(a, 0, offset++));
      }
      store.apply(batch);
      System.out.println("batch " + offset);
    }
  }
}
