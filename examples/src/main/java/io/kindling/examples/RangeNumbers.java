package io.kindling.examples;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.sum;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;

/** {@code range(100).toDF("number")}: show it, keep the even numbers and add them up. */
public final class RangeNumbers {
  private RangeNumbers() {}

  public static void main(String[] args) {
    try (KindlingSession session = KindlingSession.builder().appName("range").master("local[*]").getOrCreate()) {
      DataFrame numbers = numbers(session);
      numbers.printSchema();
      numbers.show(5);
      System.out.println("Sum of the even numbers: " + evenSum(numbers));
    }
  }

  public static DataFrame numbers(KindlingSession session) {
    return session.range(100).toDF("number");
  }

  public static long evenSum(DataFrame numbers) {
    return numbers.filter(col("number").mod(2).equalTo(0)).agg(sum("number")).first().getLong(0);
  }
}
