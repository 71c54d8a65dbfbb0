package io.kindling.sql;

import io.kindling.KindlingSession;
import io.kindling.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A shared local[2] session for DataFrame tests, and small helpers. */
abstract class SqlTestSession {
  static KindlingSession session;

  @BeforeAll
  static void startSession() {
    session = KindlingSession.builder().appName("sql-test").master("local[2]").create();
  }

  @AfterAll
  static void stopSession() {
    session.close();
  }

  static DataFrame df(String ddl, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(Row.of(r));
    }
    return session.createDataFrame(list, StructType.fromDDL(ddl));
  }

  static Object[] r(Object... values) {
    return values;
  }

  /** Rows as Spark's Java API prints a list of rows: {@code [[a,1], [b,2]]}. */
  static String rows(DataFrame df) {
    return df.collectAsList().toString();
  }

  /** The rows as strings, sorted (for results whose order is not defined). */
  static List<String> sortedRows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  static List<String> list(String... s) {
    return Arrays.asList(s);
  }
}
