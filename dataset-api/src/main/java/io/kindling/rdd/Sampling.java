package io.kindling.rdd;

import io.kindling.internal.lineage.PartitionTransform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;

/** Seeded, per-partition sampling for {@code sample} and {@code takeSample}. */
final class Sampling {
  private Sampling() {}

  static void checkFraction(boolean withReplacement, double fraction) {
    if (Double.isNaN(fraction) || fraction < 0) {
      throw new IllegalArgumentException("Fraction must be nonnegative, but got " + fraction);
    }
    if (!withReplacement && fraction > 1) {
      throw new IllegalArgumentException(
          "Fraction must be on interval [0, 1] without replacement, but got " + fraction);
    }
  }

  /** Bernoulli (without replacement) or Poisson (with replacement) sampling, seeded per partition. */
  static <T> PartitionTransform<T, T> sampler(boolean withReplacement, double fraction, long seed) {
    return (partition, input) -> {
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + partition);
      return withReplacement ? poisson(input, fraction, random) : bernoulli(input, fraction, random);
    };
  }

  private static <T> Iterator<T> bernoulli(Iterator<T> input, double fraction, SplittableRandom random) {
    return new Iterator<>() {
      private T next;
      private boolean ready;

      @Override
      public boolean hasNext() {
        while (!ready && input.hasNext()) {
          T candidate = input.next();
          if (random.nextDouble() < fraction) {
            next = candidate;
            ready = true;
          }
        }
        return ready;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        return next;
      }
    };
  }

  private static <T> Iterator<T> poisson(Iterator<T> input, double mean, SplittableRandom random) {
    return new Iterator<>() {
      private T current;
      private int copiesLeft;

      @Override
      public boolean hasNext() {
        while (copiesLeft == 0 && input.hasNext()) {
          current = input.next();
          copiesLeft = poissonDraw(mean, random);
        }
        return copiesLeft > 0;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        copiesLeft--;
        return current;
      }
    };
  }

  /** A Poisson(mean) draw: Knuth's product method, split into steps so large means don't underflow. */
  static int poissonDraw(double mean, SplittableRandom random) {
    int k = 0;
    double remaining = mean;
    double p = 1.0;
    while (true) {
      p *= random.nextDouble();
      while (p < 1.0 && remaining > 0) {
        double step = Math.min(remaining, 500);
        remaining -= step;
        p *= Math.exp(step);
      }
      if (p <= 1.0) {
        return k;
      }
      k++;
    }
  }

  static <T> List<T> takeSample(RDD<T> rdd, boolean withReplacement, int num, long seed) {
    if (num < 0) {
      throw new IllegalArgumentException("Negative number of elements requested");
    }
    if (num == 0) {
      return List.of();
    }
    long total = rdd.count();
    if (total == 0) {
      return List.of();
    }
    Random random = new Random(seed);
    if (!withReplacement && num >= total) {
      List<T> all = new ArrayList<>(rdd.collect());
      Collections.shuffle(all, random);
      return all;
    }
    double fraction = fractionFor(num, total, withReplacement);
    List<T> samples = rdd.sample(withReplacement, fraction, random.nextLong()).collect();
    int tries = 0;
    while (samples.size() < num) {
      if (++tries > 100) {
        throw new IllegalStateException("takeSample could not draw " + num + " elements after 100 tries");
      }
      samples = rdd.sample(withReplacement, fraction, random.nextLong()).collect();
    }
    List<T> shuffled = new ArrayList<>(samples);
    Collections.shuffle(shuffled, random);
    return new ArrayList<>(shuffled.subList(0, num));
  }

  /** A sampling fraction that yields at least {@code num} of {@code total} elements with high probability. */
  static double fractionFor(int num, long total, boolean withReplacement) {
    double fraction = (double) num / total;
    if (withReplacement) {
      double stdDevs = num < 6 ? 12 : num < 16 ? 9 : 6;
      return Math.max(fraction + stdDevs * Math.sqrt(fraction / total), 1e-10);
    }
    double delta = 1e-4;
    double gamma = -Math.log(delta) / total;
    return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
  }
}
