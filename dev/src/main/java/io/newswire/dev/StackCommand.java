package io.newswire.dev;

import io.newswire.stack.LocalStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stack", mixinStandardHelpOptions = true,
    description = {"Run the local stack (Kafka broker, Schema Registry, PostgreSQL) until Ctrl-C.",
        "Prints the settings that point the other commands at it."})
final class StackCommand implements Callable<Integer> {
  @Option(names = "--dir", defaultValue = ".newswire/stack", description = "Where the servers keep their data and logs (emptied on start). Default: ${DEFAULT-VALUE}")
  Path dir;

  @Override
  public Integer call() throws InterruptedException {
    LocalStack stack = LocalStack.start(dir, line -> System.err.println("  " + line));
    System.out.println(DemoCommand.whereThingsLive(stack,
        (Integer) io.newswire.config.NewswireConfig.CONFIG.defaultValues().get(io.newswire.config.NewswireConfig.ENRICH_HTTP_PORT),
        (Integer) io.newswire.config.NewswireConfig.CONFIG.defaultValues().get(io.newswire.config.NewswireConfig.SINK_HTTP_PORT),
        false));
    System.out.println("\nPoint the other commands at it, e.g.:\n  export NEWSWIRE_BOOTSTRAP_SERVERS=" + stack.bootstrapServers()
        + " NEWSWIRE_SCHEMA_REGISTRY_URL=" + stack.registryUrl() + " NEWSWIRE_POSTGRES_URL=" + stack.jdbcUrl()
        + " NEWSWIRE_POSTGRES_USER=" + stack.jdbcUser() + " NEWSWIRE_TOPICS_REPLICATION_FACTOR=1");
    System.err.println("\nstack running; Ctrl-C to stop");
    new CountDownLatch(1).await(); // the stack's shutdown hook stops the servers
    return 0;
  }
}
