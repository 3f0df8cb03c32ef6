package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.notify.NotifyApplication;
import io.newswire.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "notify", mixinStandardHelpOptions = true,
    description = {"Post every alert in " + Topics.ALERTS + " to a webhook as JSON, until stopped.",
        "At least once: a receiver may get an alert twice (after a crash, say) and should drop repeats by the"
            + " X-Newswire-Alert-Id header (also sent as Idempotency-Key). With --secret, each request carries"
            + " X-Newswire-Signature: sha256=HEX, the HMAC-SHA256 of the body. 5xx, 408, 429 and network errors are"
            + " retried with growing, jittered waits (notify.max.attempts, notify.backoff.ms); what still fails, and"
            + " alerts beyond notify.queue.size waiting for one receiver, go to " + Topics.DEAD_LETTERS
            + " with the reason ('newswire dlq redrive --stage notify' sends them again).",
        "A watch with its own webhook is posted there instead; each receiver has its own queue."})
final class NotifyCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--webhook", paramLabel = "URL", description = "Where to post alerts (notify.webhook).")
  String webhook;

  @Option(names = "--secret", paramLabel = "S", description = "Sign each request with this key (notify.secret); "
      + "prefer NEWSWIRE_NOTIFY_SECRET, which stays out of the process list.")
  String secret;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> overrides = new HashMap<>();
    if (webhook != null) {
      overrides.put(NewswireConfig.NOTIFY_WEBHOOK, webhook);
    }
    if (secret != null) {
      overrides.put(NewswireConfig.NOTIFY_SECRET, secret);
    }
    NewswireConfig config = options.load().with(overrides);
    NotifyApplication notify = new NotifyApplication(config);
    Runtime.getRuntime().addShutdownHook(new Thread(notify::close, "notify-shutdown"));
    String target = config.get(NewswireConfig.NOTIFY_WEBHOOK);
    System.err.println("notify running: alerts to " + (target.isBlank() ? "each watch's own webhook" : target) + "; Ctrl-C to stop");
    notify.join();
    return 0;
  }
}
