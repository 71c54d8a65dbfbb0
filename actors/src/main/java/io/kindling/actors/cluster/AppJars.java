package io.kindling.actors.cluster;

import io.kindling.KindlingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The application jars a driver ships to the workers of its session ({@code kindling.cluster.app-jars}, which
 * {@code kindling submit} sets to the submitted jar): workers load the session's classes from them, so user
 * classes need not be on the workers' classpath or {@code --jars}.
 */
public final class AppJars {
  private AppJars() {}

  /** One jar: its file name, the SHA-256 of its bytes, and the bytes. */
  public record AppJar(String name, String sha256, byte[] bytes) {
    /** Cuts the bytes into chunks of at most {@code chunkSize} bytes for {@code owner}'s attach messages. */
    List<WorkerAgent.AppJarChunk> chunks(akka.actor.typed.ActorRef<ClusterView.Command> owner, int chunkSize) {
      List<WorkerAgent.AppJarChunk> chunks = new ArrayList<>();
      int count = Math.max(1, (bytes.length + chunkSize - 1) / chunkSize);
      for (int i = 0; i < count; i++) {
        byte[] part = Arrays.copyOfRange(bytes, i * chunkSize, Math.min(bytes.length, (i + 1) * chunkSize));
        chunks.add(new WorkerAgent.AppJarChunk(owner, name, sha256, i, count, part));
      }
      return chunks;
    }
  }

  /** Reads the jars of a comma-separated list of paths (blank: none). */
  public static List<AppJar> read(String paths) {
    List<AppJar> jars = new ArrayList<>();
    for (String p : paths.split(",")) {
      if (p.isBlank()) {
        continue;
      }
      Path path = Path.of(p.trim());
      try {
        byte[] bytes = Files.readAllBytes(path);
        jars.add(new AppJar(path.getFileName().toString(), sha256(bytes), bytes));
      } catch (IOException e) {
        throw new KindlingException("Application jar " + path + " (kindling.cluster.app-jars) could not be read: "
            + e + ". Check the path, or leave the setting empty when the workers have the classes", e);
      }
    }
    return List.copyOf(jars);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
