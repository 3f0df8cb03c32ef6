package io.newswire.sink;

/** The store cannot be reached right now; the same records may be retried later. */
public class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
