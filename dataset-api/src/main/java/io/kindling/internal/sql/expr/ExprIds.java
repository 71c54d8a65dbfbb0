package io.kindling.internal.sql.expr;

import java.util.concurrent.atomic.AtomicLong;

/** Unique ids for attributes, so that columns keep their identity through plans (and joins of same names). */
public final class ExprIds {
  private static final AtomicLong NEXT = new AtomicLong();

  private ExprIds() {}

  public static long next() {
    return NEXT.incrementAndGet();
  }
}
