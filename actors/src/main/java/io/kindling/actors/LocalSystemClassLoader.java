package io.kindling.actors;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader a local session's own ActorSystem is given: the classes of its parent, but of the
 * {@code reference.conf} files only those of akka-actor and akka-actor-typed. Akka merges the reference.conf files
 * of its class loader into a system's settings, and every other Akka module on the classpath (remoting, cluster,
 * streams, Jackson) registers extensions and serializers there that a system starts eagerly; a local system never
 * uses them, and starting them would cost each cold start about 0.2 s.
 */
final class LocalSystemClassLoader extends ClassLoader {
  private static final String REFERENCE = "reference.conf";
  /** One class of each Akka module whose reference.conf a local system keeps. */
  private static final List<String> KEPT_MODULES = List.of("akka/actor/ActorSystem.class",
      "akka/actor/typed/ActorSystem.class");

  static {
    registerAsParallelCapable();
  }

  LocalSystemClassLoader(ClassLoader parent) {
    super("kindling-local-akka", parent);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.equals(REFERENCE)) {
      return super.getResources(name);
    }
    List<String> keptRoots = new ArrayList<>();
    for (String anchor : KEPT_MODULES) {
      URL u = getParent().getResource(anchor);
      if (u != null) {
        String s = u.toString();
        keptRoots.add(s.substring(0, s.length() - anchor.length()));
      }
    }
    List<URL> kept = new ArrayList<>();
    for (URL u : Collections.list(getParent().getResources(name))) {
      String s = u.toString();
      if (keptRoots.contains(s.substring(0, s.length() - REFERENCE.length()))) {
        kept.add(u);
      }
    }
    return Collections.enumeration(kept);
  }
}
