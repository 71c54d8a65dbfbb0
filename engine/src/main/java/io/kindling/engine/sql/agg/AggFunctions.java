package io.kindling.engine.sql.agg;

import io.kindling.internal.sql.expr.AggregateCall;
import io.kindling.sql.types.ArrayType;
import io.kindling.sql.types.DataTypes;

/** Makes the function that computes a resolved aggregate call. */
public final class AggFunctions {
  private AggFunctions() {}

  public static AggFunction create(AggregateCall call) {
    if (call.distinct() && (call.name().equals("count") || call.name().equals("sum"))) {
      return new DistinctFunction(call.name(), call.dataType());
    }
    return switch (call.name()) {
      case "count" -> new CountFunction();
      case "sum" -> call.dataType().equals(DataTypes.LongType) ? new SumLongFunction() : new SumDoubleFunction();
      case "avg" -> new AvgFunction();
      case "min" -> new ValueFunction(ValueFunction.Kind.MIN, call.dataType());
      case "max" -> new ValueFunction(ValueFunction.Kind.MAX, call.dataType());
      case "first" -> new ValueFunction(ValueFunction.Kind.FIRST, call.dataType());
      case "last" -> new ValueFunction(ValueFunction.Kind.LAST, call.dataType());
      case "stddev", "stddev_samp" -> new MomentsFunction(MomentsFunction.Kind.STDDEV_SAMP);
      case "stddev_pop" -> new MomentsFunction(MomentsFunction.Kind.STDDEV_POP);
      case "variance", "var_samp" -> new MomentsFunction(MomentsFunction.Kind.VAR_SAMP);
      case "var_pop" -> new MomentsFunction(MomentsFunction.Kind.VAR_POP);
      case "collect_list" -> new CollectFunction(false, (ArrayType) call.dataType());
      case "collect_set" -> new CollectFunction(true, (ArrayType) call.dataType());
      default -> throw new IllegalArgumentException("Unknown aggregate function " + call.name());
    };
  }
}
