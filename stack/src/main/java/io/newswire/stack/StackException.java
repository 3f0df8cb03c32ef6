package io.newswire.stack;

/** A local server did not start or stop; the message says which, why if known, and where its log is. */
public class StackException extends RuntimeException {
  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
