package ai.michelangelo.sdk;

import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The connection shared by the resource clients of one {@code MichelangeloClient}: the channel, the
 * settings, and unary calls with deadlines and retries. Used by generated code; applications use
 * the generated clients.
 */
public final class Transport implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ClientSettings settings;
  private final ManagedChannel owned;
  private final Channel channel;
  private final ScheduledExecutorService scheduler;

  private Transport(ClientSettings settings, ManagedChannel owned, Channel base) {
    this.settings = settings;
    this.owned = owned;
    List<ClientInterceptor> interceptors = new ArrayList<>(settings.getInterceptors());
    if (settings.getBearerToken() != null) {
      interceptors.add(bearer(settings.getBearerToken()));
    }
    // ClientInterceptors.intercept runs the last interceptor first; reverse for outermost-first.
    List<ClientInterceptor> reversed = new ArrayList<>(interceptors);
    java.util.Collections.reverse(reversed);
    this.channel = ClientInterceptors.intercept(base, reversed);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "michelangelo-retry");
              t.setDaemon(true);
              return t;
            });
  }

  /** Opens a channel to {@code settings.getTarget()}, closed by {@link #close()}. */
  public static Transport create(ClientSettings settings) {
    io.grpc.ChannelCredentials creds;
    if (!settings.isTls()) {
      creds = InsecureChannelCredentials.create();
    } else if (settings.getCaFile() != null) {
      try {
        creds =
            TlsChannelCredentials.newBuilder()
                .trustManager(settings.getCaFile().toFile())
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException("reading CA file " + settings.getCaFile(), e);
      }
    } else {
      creds = TlsChannelCredentials.create();
    }
    ManagedChannel ch = Grpc.newChannelBuilder(settings.getTarget(), creds).build();
    return new Transport(settings, ch, ch);
  }

  /** Uses a channel owned by the caller (not shut down by {@link #close()}). */
  public static Transport create(ClientSettings settings, Channel channel) {
    return new Transport(settings, null, channel);
  }

  public ClientSettings settings() {
    return settings;
  }

  public Channel channel() {
    return channel;
  }

  /**
   * The namespace of a call on one object or one namespace (get, delete, deleteCollection, and
   * the default of create and update): {@code namespace}, or the default namespace when it is null
   * or empty.
   */
  public String namespace(String namespace) {
    return namespace == null || namespace.isEmpty() ? settings.getDefaultNamespace() : namespace;
  }

  /**
   * The namespace of a list or watch: {@code namespace} when given ({@code ""} means all
   * namespaces), else (null) the default namespace, which is {@code ""} (all namespaces) when none
   * is configured.
   */
  public String listNamespace(String namespace) {
    return namespace != null ? namespace : settings.getDefaultNamespace();
  }

  /** The effective timeout of a call (per call, else the client default), or null. */
  public Duration timeout(CallOptions options) {
    return options.getTimeout() != null ? options.getTimeout() : settings.getDefaultTimeout();
  }

  RetrySettings retry(CallOptions options, boolean idempotent) {
    if (!idempotent) {
      return RetrySettings.none();
    }
    return options.getRetrySettings() != null
        ? options.getRetrySettings()
        : settings.getRetrySettings();
  }

  private static io.grpc.CallOptions grpcOptions(io.grpc.Deadline deadline) {
    io.grpc.CallOptions o = io.grpc.CallOptions.DEFAULT;
    return deadline == null ? o : o.withDeadline(deadline);
  }

  private static io.grpc.Deadline deadline(Duration timeout) {
    return timeout == null ? null : io.grpc.Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * A blocking unary call. The timeout covers all attempts; idempotent methods retry UNAVAILABLE
   * and RESOURCE_EXHAUSTED. Throws the {@link MichelangeloException} subclass of the final status.
   */
  public <Q, R> R unary(
      MethodDescriptor<Q, R> method, Q request, CallOptions options, boolean idempotent) {
    RetrySettings retry = retry(options, idempotent);
    io.grpc.Deadline deadline = deadline(timeout(options));
    for (int attempt = 1; ; attempt++) {
      try {
        return ClientCalls.blockingUnaryCall(channel, method, grpcOptions(deadline), request);
      } catch (StatusRuntimeException e) {
        MichelangeloException ex = MichelangeloException.from(e);
        Duration wait = nextWait(ex, attempt, retry, deadline);
        if (wait == null) {
          throw ex;
        }
        sleep(wait);
      }
    }
  }

  /** The wait before retrying, or null when the failure is final. */
  private static Duration nextWait(
      MichelangeloException ex, int attempt, RetrySettings retry, io.grpc.Deadline deadline) {
    if (!ex.isRetryable() || attempt >= retry.getMaxAttempts()) {
      return null;
    }
    Duration wait = retry.backoff(attempt);
    if (deadline != null && deadline.timeRemaining(TimeUnit.NANOSECONDS) <= wait.toNanos()) {
      return null;
    }
    return wait;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting to retry", List.of(), e);
    }
  }

  /**
   * The asynchronous form of {@link #unary}: never blocks; the future fails with the {@link
   * MichelangeloException} subclass; cancelling it cancels the call in flight.
   */
  public <Q, R> CompletableFuture<R> unaryAsync(
      MethodDescriptor<Q, R> method, Q request, CallOptions options, boolean idempotent) {
    RetrySettings retry = retry(options, idempotent);
    io.grpc.Deadline deadline = deadline(timeout(options));
    CompletableFuture<R> result = new CompletableFuture<>();
    AtomicReference<ClientCall<Q, R>> current = new AtomicReference<>();
    result.whenComplete(
        (v, t) -> {
          ClientCall<Q, R> call = current.get();
          if (result.isCancelled() && call != null) {
            call.cancel("cancelled by the caller", null);
          }
        });
    attemptAsync(method, request, deadline, retry, 1, result, current);
    return result;
  }

  private <Q, R> void attemptAsync(
      MethodDescriptor<Q, R> method,
      Q request,
      io.grpc.Deadline deadline,
      RetrySettings retry,
      int attempt,
      CompletableFuture<R> result,
      AtomicReference<ClientCall<Q, R>> current) {
    if (result.isDone()) {
      return;
    }
    ClientCall<Q, R> call = channel.newCall(method, grpcOptions(deadline));
    current.set(call);
    ClientCalls.asyncUnaryCall(
        call,
        request,
        new StreamObserver<R>() {
          private R value;

          @Override
          public void onNext(R v) {
            value = v;
          }

          @Override
          public void onError(Throwable t) {
            MichelangeloException ex = MichelangeloException.from(t);
            Duration wait = result.isDone() ? null : nextWait(ex, attempt, retry, deadline);
            if (wait == null) {
              result.completeExceptionally(ex);
              return;
            }
            try {
              scheduler.schedule(
                  () -> attemptAsync(method, request, deadline, retry, attempt + 1, result, current),
                  wait.toNanos(),
                  TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
              result.completeExceptionally(ex);
            }
          }

          @Override
          public void onCompleted() {
            result.complete(value);
          }
        });
  }

  private static ClientInterceptor bearer(Supplier<String> token) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, io.grpc.CallOptions callOptions, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, callOptions)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            String t = token.get();
            if (t != null && !t.isEmpty()) {
              headers.put(AUTHORIZATION, "Bearer " + t);
            }
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** Shuts the channel down (when owned) and waits up to 5 s for calls to end. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    if (owned != null) {
      owned.shutdownNow();
      try {
        owned.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
