package io.newswire.ingest.fetch;

/** A request that failed; says which URL and why, and whether trying again later may help. */
public class FetchException extends Exception {
  private final boolean retryable;

  public FetchException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
