package io.newswire.cli;

import io.newswire.config.NewswireConfig;
import io.newswire.ops.OpsServer;
import java.util.function.Supplier;

/** Starts a stage's /metrics, /health and /ready on the port its configuration names (-1: none). */
final class Ops {
  private Ops() {}

  static OpsServer start(NewswireConfig config, String portKey, Supplier<OpsServer.Check> liveness,
      Supplier<OpsServer.Check> readiness) {
    int port = config.getInt(portKey);
    if (port < 0) {
      return null;
    }
    try {
      OpsServer server = OpsServer.start(config.get(NewswireConfig.HTTP_HOST), port, liveness, readiness);
      System.err.println("metrics and health on http://" + config.get(NewswireConfig.HTTP_HOST) + ":" + server.port()
          + "/metrics (/health, /ready)");
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot listen on " + config.get(NewswireConfig.HTTP_HOST) + ":" + port + " ("
          + e.getMessage() + "); set " + portKey + " to a free port, 0 for any, or -1 for none", e);
    }
  }
}
