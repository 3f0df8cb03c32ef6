package io.newswire.sink;

/** The store refused the data; retrying the same records will not help. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
