package org.agora.identity.lifecycle;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs a blocking call (Keycloak's admin API) on a worker thread and resumes on the caller's Vert.x
 * context, where the reactive database session may be used again.
 */
public final class Offload {
  private Offload() {}

  public static <T> Uni<T> call(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom().item(() -> run(work));
    }
    return Uni.createFrom()
        .emitter(
            emitter ->
                context
                    .<T>executeBlocking(work, false)
                    .onComplete(
                        result -> {
                          if (result.succeeded()) {
                            emitter.complete(result.result());
                          } else {
                            emitter.fail(result.cause());
                          }
                        }));
  }

  public static Uni<Void> run(Runnable work) {
    return call(() -> {
          work.run();
          return Boolean.TRUE;
        })
        .replaceWithVoid();
  }

  private static <T> T run(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
