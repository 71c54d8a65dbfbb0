package io.kindling.actors;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader that a local session loads its config with and gives its own ActorSystem: the classes and
 * resources of its parent, except the {@code reference.conf} files of the Akka modules that a local session never
 * starts (remoting, cluster, streams, Jackson serialization and the libraries only they use). Typesafe Config and
 * Akka parse every reference.conf their class loader shows, and those are about half of the classpath's: hiding
 * them saves every cold start their parsing, resolving and checking. The system's check that all Akka modules
 * have the same version reads every jar's manifest (Scala's alone is 160 KB); it is shown only the manifests of
 * Akka's own jars ({@code akka-*.jar}) and of directories, the only ones it compares. One instance per parent,
 * because Typesafe Config caches the config of one class loader at a time.
 */
final class LocalConfigLoader extends ClassLoader {
  private static final String REFERENCE = "reference.conf";
  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  /** One class of each module whose reference.conf a local session doesn't need. */
  private static final List<String> UNUSED_MODULES = List.of(
      "akka/remote/RemoteActorRefProvider.class",
      "akka/cluster/Cluster.class",
      "akka/cluster/typed/Cluster.class",
      "akka/cluster/pubsub/DistributedPubSub.class",
      "akka/cluster/ddata/Replicator.class",
      "akka/cluster/sharding/ClusterSharding.class",
      "akka/coordination/lease/LeaseSettings.class",
      "akka/stream/Materializer.class",
      "akka/serialization/jackson/JacksonSerializer.class",
      "com/typesafe/sslconfig/ssl/SSLConfigSettings.class");

  private static volatile LocalConfigLoader current;

  static {
    registerAsParallelCapable();
  }

  private final List<String> hiddenRoots = new ArrayList<>();

  private LocalConfigLoader(ClassLoader parent) {
    super("kindling-local-config", parent);
    for (String anchor : UNUSED_MODULES) {
      URL u = parent.getResource(anchor);
      if (u != null) {
        String s = u.toString();
        hiddenRoots.add(s.substring(0, s.length() - anchor.length()));
      }
    }
  }

  /** The loader over {@code parent}; the same instance as long as the parent is the same. */
  static ClassLoader over(ClassLoader parent) {
    LocalConfigLoader loader = current;
    if (loader == null || loader.getParent() != parent) {
      synchronized (LocalConfigLoader.class) {
        loader = current;
        if (loader == null || loader.getParent() != parent) {
          loader = new LocalConfigLoader(parent);
          current = loader;
        }
      }
    }
    return loader;
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.equals(REFERENCE) && !name.equals(MANIFEST)) {
      return super.getResources(name);
    }
    List<URL> kept = new ArrayList<>();
    for (URL u : Collections.list(getParent().getResources(name))) {
      String root = u.toString().substring(0, u.toString().length() - name.length());
      if (name.equals(REFERENCE) ? !hiddenRoots.contains(root) : isAkkaJarOrDirectory(root)) {
        kept.add(u);
      }
    }
    return Collections.enumeration(kept);
  }

  /** {@code root} is "jar:file:/.../akka-actor_2.13-2.6.21.jar!/" for a jar. */
  private static boolean isAkkaJarOrDirectory(String root) {
    if (!root.startsWith("jar:") || !root.endsWith("!/")) {
      return true;
    }
    String jar = root.substring(0, root.length() - 2);
    return jar.substring(jar.lastIndexOf('/') + 1).startsWith("akka-");
  }
}
