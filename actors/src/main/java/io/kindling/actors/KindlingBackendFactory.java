package io.kindling.actors;

import io.kindling.spi.BackendContext;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.ExecutionBackendFactory;

/** Registers the actors runtime with {@link java.util.ServiceLoader}. */
public final class KindlingBackendFactory implements ExecutionBackendFactory {

  /** Loaded before a session reads its config, which lets the runtime's warm-up overlap that. */
  public KindlingBackendFactory() {
    WarmUp.start();
  }

  @Override
  public boolean supports(String master) {
    return master.equals("local") || master.startsWith("local[") || isCluster(master);
  }

  private static boolean isCluster(String master) {
    return master.equals("cluster") || master.startsWith("kindling://");
  }

  @Override
  public ExecutionBackend create(BackendContext context) {
    return isCluster(context.master()) ? new ClusterBackend(context) : new ActorBackend(context);
  }
}
