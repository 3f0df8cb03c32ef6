package io.newswire.registry;

/** The registry could not be reached (or kept answering 5xx) after the configured retries. */
public class RegistryUnavailableException extends SchemaRegistryException {
  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
