package io.kindling.examples;

import static io.kindling.sql.functions.col;
import static io.kindling.sql.functions.lit;
import static io.kindling.sql.functions.max;
import static io.kindling.sql.functions.min;

import io.kindling.KindlingSession;
import io.kindling.sql.DataFrame;
import io.kindling.sql.Row;
import java.util.List;

/**
 * Time-series preparation for a forecasting model: select the readings, order them by timestamp, scale the
 * temperature to [0, 1] with its minimum and maximum, and cut the series into sliding windows of
 * {@code window} readings, each labelled with the reading that follows it. Stops where a model would be
 * trained, printing the shapes. Usage: {@code TimeSeriesPrep [timeseries.csv] [window]}.
 */
public final class TimeSeriesPrep {
  private TimeSeriesPrep() {}

  /** Training windows: {@code x[i]} are {@code window} scaled readings, {@code y[i]} the next one. */
  public record Windows(double[][] x, double[] y, double min, double max) {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/timeseries.csv";
    int window = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    try (KindlingSession session = KindlingSession.builder().appName("timeseries").master("local[*]")
        .getOrCreate()) {
      DataFrame readings = session.read().option("header", "true").option("inferSchema", "true").csv(input);
      DataFrame scaled = scaled(readings);
      scaled.show(5);
      Windows w = windows(scaled, window);
      System.out.printf("min=%.3f max=%.3f; X: %d x %d, y: %d — ready to train%n", w.min(), w.max(), w.x().length,
          window, w.y().length);
    }
  }

  /** {@code timestamp, temperature, scaled}, ordered by timestamp, scaled = (t - min) / (max - min). Lazy. */
  public static DataFrame scaled(DataFrame readings) {
    DataFrame ordered = readings.select("timestamp", "temperature").orderBy("timestamp");
    Row bounds = ordered.agg(min("temperature"), max("temperature")).first();
    double lo = bounds.getDouble(0);
    double hi = bounds.getDouble(1);
    return ordered.withColumn("scaled", col("temperature").minus(lit(lo)).divide(lit(hi - lo)))
        .withColumn("min", lit(lo)).withColumn("max", lit(hi));
  }

  /** Sliding windows over the scaled series (collected on the driver, in timestamp order). */
  public static Windows windows(DataFrame scaled, int window) {
    List<Row> rows = scaled.collectAsList();
    double[] series = new double[rows.size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = rows.get(i).getDouble(2);
    }
    int count = Math.max(0, series.length - window);
    double[][] x = new double[count][window];
    double[] y = new double[count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(series, i, x[i], 0, window);
      y[i] = series[i + window];
    }
    double lo = rows.isEmpty() ? 0 : rows.get(0).getDouble(3);
    double hi = rows.isEmpty() ? 0 : rows.get(0).getDouble(4);
    return new Windows(x, y, lo, hi);
  }
}
