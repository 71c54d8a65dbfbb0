package io.kindling.internal;

import io.kindling.function.FlatMapFunction;
import io.kindling.function.Function;
import io.kindling.internal.lineage.UserCodeException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Lazy iterator adapters that call user functions, wrapping their checked exceptions. */
public final class Iterators {
  private Iterators() {}

  public static <T, R> Iterator<R> map(Iterator<T> input, Function<T, R> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public R next() {
        return call(f, input.next());
      }
    };
  }

  public static <T> Iterator<T> filter(Iterator<T> input, Function<T, Boolean> predicate) {
    return new Iterator<>() {
      private T next;
      private boolean ready;

      @Override
      public boolean hasNext() {
        while (!ready && input.hasNext()) {
          T candidate = input.next();
          if (Boolean.TRUE.equals(call(predicate, candidate))) {
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
        T result = next;
        next = null;
        return result;
      }
    };
  }

  public static <T, R> Iterator<R> flatMap(Iterator<T> input, FlatMapFunction<T, R> f) {
    return new Iterator<>() {
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!input.hasNext()) {
            return false;
          }
          Iterator<R> produced;
          try {
            produced = f.call(input.next());
          } catch (Exception e) {
            throw UserCodeException.wrap(e);
          }
          current = produced == null ? Collections.emptyIterator() : produced;
        }
        return true;
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Calls a user function, wrapping checked exceptions. */
  public static <T, R> R call(Function<T, R> f, T value) {
    try {
      return f.call(value);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }
}
