package io.kindling.examples;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.progress.ConsoleProgressReporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The word count of the pysparkling article: textFile, split into words, pair each word with 1, add the ones
 * up by word with reduceByKey (a shuffle, combined on the map side first). Prints the most frequent words. Usage: {@code WordCount [path] [top]} (default: the bundled text, run from the repository root; top 20).
 */
public final class WordCount {
  private WordCount() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "examples/data/pysparkling-article.txt";
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (KindlingSession session = KindlingSession.builder().appName("wordcount").master("local[*]")
        .getOrCreate()) {
      session.addListener(ConsoleProgressReporter.toStderr());
      List<Tuple2<String, Long>> counts = count(session, path);
      counts.sort(Comparator.comparing((Tuple2<String, Long> t) -> -t._2()).thenComparing(Tuple2::_1));
      System.out.println(counts.size() + " distinct words in " + path);
      for (Tuple2<String, Long> t : counts.subList(0, Math.min(top, counts.size()))) {
        System.out.printf("%8d  %s%n", t._2(), t._1());
      }
    }
  }

  /** (word, count) for every word of the files at {@code path}. */
  public static List<Tuple2<String, Long>> count(KindlingSession session, String path) {
    return new ArrayList<>(session.textFile(path)
        .flatMap(line -> Arrays.asList(line.toLowerCase().split("[^\\p{L}\\p{N}']+")).iterator())
        .filter(word -> !word.isEmpty())
        .mapToPair(word -> Tuple2.of(word, 1L))
        .reduceByKey(Long::sum)
        .collect());
  }
}
