package org.agora.post.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A batch cut into runs in log order: consecutive items that may be applied together form one run,
 * every other item a run of its own, so applying the runs one after another keeps the order.
 */
final class Runs {
  private Runs() {}

  static <T> List<List<T>> of(List<T> items, Predicate<? super T> together) {
    List<List<T>> runs = new ArrayList<>();
    List<T> open = null;
    for (T item : items) {
      if (!together.test(item)) {
        runs.add(List.of(item));
        open = null;
      } else {
        if (open == null) {
          open = new ArrayList<>();
          runs.add(open);
        }
        open.add(item);
      }
    }
    return runs;
  }
}
