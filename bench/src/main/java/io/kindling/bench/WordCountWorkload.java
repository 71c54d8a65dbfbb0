package io.kindling.bench;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** textFile(text/*) → split on " " → (word, 1) → reduceByKey(+) → collect. */
final class WordCountWorkload implements Workload {

  @Override
  public String name() {
    return "wordcount";
  }

  @Override
  public Answer run(KindlingSession session, Path data) {
    List<Tuple2<String, Integer>> counts = session.textFile(data + "/text/*")
        .flatMap(line -> List.of(line.split(" ")).iterator())
        .mapToPair(word -> Tuple2.of(word, 1))
        .reduceByKey(Integer::sum)
        .collect();
    return Answer.of(() -> Digests.wordcount(counts.stream()
        .map(t -> Map.entry(t._1(), (long) t._2())).toList()));
  }
}
