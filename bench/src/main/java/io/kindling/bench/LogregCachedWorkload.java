package io.kindling.bench;

import io.kindling.KindlingSession;
import io.kindling.rdd.RDD;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parse points.csv to (label, double[10]), cache, then 10 full-batch gradient-descent steps (w starts at 0, no
 * intercept, step 0.5 over the mean log-loss gradient). Reports the first and the median later iteration.
 */
final class LogregCachedWorkload implements Workload {
  static final int FEATURES = 10;
  static final int ITERATIONS = 10;
  static final double STEP = 0.5;

  /** One labelled point. */
  record Point(double label, double[] x) implements java.io.Serializable {}

  @Override
  public String name() {
    return "logreg_cached";
  }

  @Override
  public Answer run(KindlingSession session, Path data) {
    RDD<Point> points = session.textFile(data + "/points.csv")
        .filter(line -> !line.startsWith("label"))
        .map(LogregCachedWorkload::parse)
        .cache();
    double[] w = new double[FEATURES];
    double[] seconds = new double[ITERATIONS];
    for (int i = 0; i < ITERATIONS; i++) {
      long t0 = System.nanoTime();
      double[] wi = w.clone();
      double[] g = points.mapPartitions(it -> List.of(gradient(wi, it)).iterator())
          .reduce(LogregCachedWorkload::add);
      for (int j = 0; j < FEATURES; j++) {
        w[j] -= STEP * g[j] / g[FEATURES];
      }
      seconds[i] = (System.nanoTime() - t0) / 1e9;
    }
    double[] later = Arrays.copyOfRange(seconds, 1, ITERATIONS);
    Arrays.sort(later);
    Map<String, Double> extra = new LinkedHashMap<>();
    extra.put("first_iter_s", seconds[0]);
    extra.put("iter_median_s", later[later.length / 2]);
    return new Answer(() -> {
      points.unpersist();
      return Digests.weights(w);
    }, extra);
  }

  static Point parse(String line) {
    String[] f = line.split(",");
    double[] x = new double[FEATURES];
    for (int j = 0; j < FEATURES; j++) {
      x[j] = Double.parseDouble(f[j + 1]);
    }
    return new Point(Double.parseDouble(f[0]), x);
  }

  /** The summed log-loss gradient of a partition's points, with the point count last. */
  static double[] gradient(double[] w, Iterator<Point> points) {
    double[] g = new double[FEATURES + 1];
    while (points.hasNext()) {
      Point p = points.next();
      double dot = 0;
      for (int j = 0; j < FEATURES; j++) {
        dot += w[j] * p.x()[j];
      }
      double err = 1 / (1 + Math.exp(-dot)) - p.label();
      for (int j = 0; j < FEATURES; j++) {
        g[j] += err * p.x()[j];
      }
      g[FEATURES] += 1;
    }
    return g;
  }

  static double[] add(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      a[j] += b[j];
    }
    return a;
  }
}
