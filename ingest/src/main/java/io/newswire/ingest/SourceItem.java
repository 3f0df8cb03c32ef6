package io.newswire.ingest;

/**
 * One thing a source produced: an article draft, or input that could not be read as one, kept with its raw
 * payload and the reason so it can go to the dead-letter topic.
 */
public sealed interface SourceItem {
  String origin();

  record Draft(ArticleDraft draft) implements SourceItem {
    @Override
    public String origin() {
      return draft.origin();
    }
  }

  record Unreadable(String origin, byte[] payload, Exception reason) implements SourceItem {}
}
