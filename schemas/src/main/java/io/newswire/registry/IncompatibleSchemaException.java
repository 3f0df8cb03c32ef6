package io.newswire.registry;

/** The registry refused a schema under the subject's compatibility level; the message holds its reasons. */
public class IncompatibleSchemaException extends SchemaRegistryException {
  public IncompatibleSchemaException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }
}
