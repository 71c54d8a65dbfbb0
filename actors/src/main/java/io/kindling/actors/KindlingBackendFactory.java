package io.kindling.actors;

import io.kindling.internal.SessionConfigView;
import io.kindling.spi.BackendContext;
import io.kindling.spi.ExecutionBackend;
import io.kindling.spi.ExecutionBackendFactory;

/** Registers the actors runtime with {@link java.util.ServiceLoader}. */
public final class KindlingBackendFactory implements ExecutionBackendFactory, SessionConfigView {

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

  /** Local sessions don't need the defaults of the Akka modules that only cluster members start. */
  @Override
  public ClassLoader configLoader(ClassLoader classpath) {
    return LocalConfigLoader.over(classpath);
  }

  @Override
  public boolean usesConfigLoader(String master) {
    return !isCluster(master);
  }

  @Override
  public ExecutionBackend create(BackendContext context) {
    WarmUp.endClassInit();
    return isCluster(context.master()) ? new ClusterBackend(context) : new ActorBackend(context);
  }
}
