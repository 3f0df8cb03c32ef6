package io.newswire.ingest;

/** Input that cannot become an article; the message says what is wrong with it, for the dead-letter entry. */
public class InvalidArticleException extends RuntimeException {
  public InvalidArticleException(String message) {
    super(message);
  }

  public InvalidArticleException(String message, Throwable cause) {
    super(message, cause);
  }
}
