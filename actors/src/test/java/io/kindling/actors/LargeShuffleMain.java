package io.kindling.actors;

import io.kindling.KindlingSession;
import io.kindling.Tuple2;
import io.kindling.rdd.PairRDD;
import io.kindling.rdd.RDD;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs in a forked JVM with a small heap: a reduceByKey and a sortBy over generated data whose shuffles are
 * several times larger than that heap, printing digests of their answers on a {@code RESULT} line for the test
 * to compare with a plain-Java reference. Usage: {@code LargeShuffleMain MODE RECORDS_PER_PARTITION}, MODE is
 * {@code reduce}, {@code sort} or {@code small}.
 */
public final class LargeShuffleMain {
  static final int MAP_PARTITIONS = 6;
  static final int REDUCE_PARTITIONS = 4;
  static final long KEYS = 4_000_000;
  static final String PAD = "-padding-to-make-it-wide";

  private LargeShuffleMain() {}

  /** Partition {@code p}'s (key, value) records: value is a 20-digit number then a constant pad. */
  static Iterator<Tuple2<Long, String>> reduceInput(int p, int perPartition) {
    SplittableRandom random = new SplittableRandom(1_000 + p);
    return IntStream.range(0, perPartition).mapToObj(i -> Tuple2.of(random.nextLong(KEYS),
        padded(random.nextLong(1_000_000_000_000L)) + PAD)).iterator();
  }

  /** {@code v} (not negative) as 20 digits with leading zeros. */
  static String padded(long v) {
    String digits = Long.toString(v);
    return "0".repeat(20 - digits.length()) + digits;
  }

  /** Partition {@code p}'s strings to sort: 40 random lower-case letters. */
  static Iterator<String> sortInput(int p, int perPartition) {
    SplittableRandom random = new SplittableRandom(2_000 + p);
    return IntStream.range(0, perPartition).mapToObj(i -> {
      char[] c = new char[40];
      for (int j = 0; j < c.length; j++) {
        c[j] = (char) ('a' + random.nextInt(26));
      }
      return new String(c);
    }).iterator();
  }

  public static void main(String[] args) {
    String mode = args[0];
    int perPartition = Integer.parseInt(args[1]);
    int exit = 0;
    try (KindlingSession s = KindlingSession.builder().appName("large-shuffle").master("local[2]").create()) {
      List<Integer> seeds = IntStream.range(0, MAP_PARTITIONS).boxed().toList();
      StringBuilder result = new StringBuilder("RESULT");
      if (mode.equals("reduce") || mode.equals("small")) {
        PairRDD<Long, String> input = s.parallelize(seeds, MAP_PARTITIONS)
            .flatMapToPair(p -> reduceInput(p, perPartition));
        List<long[]> digests = input.reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b, REDUCE_PARTITIONS)
            .mapPartitions(it -> {
              long count = 0;
              long sum = 0;
              while (it.hasNext()) {
                Tuple2<Long, String> t = it.next();
                count++;
                sum += t._1() * 31 + Long.parseLong(t._2().substring(0, 20));
              }
              return List.of(new long[] {count, sum}).iterator();
            }).collect();
        long count = 0;
        long sum = 0;
        for (long[] d : digests) {
          count += d[0];
          sum += d[1];
        }
        result.append(" reduceCount=").append(count).append(" reduceSum=").append(sum);
      }
      if (mode.equals("sort")) {
        RDD<String> sorted = s.parallelize(seeds, MAP_PARTITIONS).flatMap(p -> sortInput(p, perPartition))
            .sortBy(x -> x, true, REDUCE_PARTITIONS);
        List<String[]> parts = sorted.mapPartitions(it -> {
          long count = 0;
          long hashes = 0;
          String first = null;
          String previous = null;
          boolean ordered = true;
          while (it.hasNext()) {
            String x = it.next();
            if (first == null) {
              first = x;
            }
            if (previous != null && previous.compareTo(x) > 0) {
              ordered = false;
            }
            previous = x;
            count++;
            hashes += x.hashCode();
          }
          String[] digest = {Long.toString(count), Long.toString(hashes), String.valueOf(ordered), first, previous};
          return java.util.Collections.singletonList(digest).iterator();
        }).collect();
        long count = 0;
        long hashes = 0;
        boolean ordered = true;
        String last = null;
        for (String[] part : parts) {
          count += Long.parseLong(part[0]);
          hashes += Long.parseLong(part[1]);
          ordered &= Boolean.parseBoolean(part[2]);
          if (part[3] != null) {
            ordered &= last == null || last.compareTo(part[3]) <= 0;
            last = part[4];
          }
        }
        result.append(" sortCount=").append(count).append(" sortHashes=").append(hashes)
            .append(" sortOrdered=").append(ordered).append(" sortPartitions=").append(parts.size());
      }
      ActorBackend backend = (ActorBackend) s.internalContext().backend("main");
      result.append(" shuffleBytes=").append(backend.shuffleService().bytesWritten())
          .append(" maxHeap=").append(Runtime.getRuntime().maxMemory());
      System.out.println(result);
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      exit = 1;
    }
    System.out.flush();
    // A forked test JVM: end it even if a library left a non-daemon thread behind.
    System.exit(exit);
  }
}
