package io.kindling.bench;

import io.kindling.KindlingSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** One kbench workload: runs inside the clock and returns an answer whose digest is computed after it. */
interface Workload {

  String name();

  Answer run(KindlingSession session, Path data) throws Exception;

  /** The answer: a digest computed outside the timed region, plus extra timing fields. */
  record Answer(Callable<String> digest, Map<String, Double> extra) {
    static Answer of(Callable<String> digest) {
      return new Answer(digest, Map.of());
    }
  }
}
