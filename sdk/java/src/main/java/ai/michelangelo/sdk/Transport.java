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
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  /** The metadata key of the idempotency key every write sends. */
  public static final String IDEMPOTENCY_KEY = "idempotency-key";

  private static final io.grpc.CallOptions.Key<List<Map.Entry<String, String>>> HEADERS =
      io.grpc.CallOptions.Key.create("michelangelo-headers");

  /**
   * The service config of the client's own channel, unless the name resolver gives one: round robin
   * over every address of the target, with gRPC client-side health checking of each (service {@code
   * ""} of {@code grpc.health.v1.Health}; grpc-services provides the health-checking round robin).
   * An instance that does not implement the health service is taken as healthy.
   */
  static final Map<String, ?> SERVICE_CONFIG =
      Map.of(
          "loadBalancingConfig",
          List.of(Map.of("round_robin", Map.of())),
          "healthCheckConfig",
          Map.of("serviceName", ""));

  private final ClientSettings settings;
  private final ManagedChannel owned;
  private final TargetsResolver.Provider resolver;
  private final Channel channel;
  private final ScheduledExecutorService scheduler;

  private Transport(
      ClientSettings settings,
      ManagedChannel owned,
      TargetsResolver.Provider resolver,
      Channel base) {
    this.settings = settings;
    this.owned = owned;
    this.resolver = resolver;
    // The SDK's headers go first so the user's interceptors see them; the token goes last.
    List<ClientInterceptor> interceptors = new ArrayList<>();
    interceptors.add(ADD_HEADERS);
    interceptors.addAll(settings.getInterceptors());
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

  /**
   * Opens a channel to {@code settings.getTarget()} or to all of {@code settings.getTargets()},
   * balanced round robin with health checking ({@link #SERVICE_CONFIG}), closed by {@link
   * #close()}.
   */
  public static Transport create(ClientSettings settings) {
    io.grpc.ChannelCredentials creds;
    if (!settings.isTls()) {
      creds = InsecureChannelCredentials.create();
    } else if (settings.getCaFile() != null) {
      try {
        creds =
            TlsChannelCredentials.newBuilder().trustManager(settings.getCaFile().toFile()).build();
      } catch (IOException e) {
        throw new UncheckedIOException("reading CA file " + settings.getCaFile(), e);
      }
    } else {
      creds = TlsChannelCredentials.create();
    }
    TargetsResolver.Provider resolver = null;
    String target = settings.getTarget();
    if (!settings.getTargets().isEmpty()) {
      // A scheme of this client's own in the default registry (grpc-java 1.60 has no per-channel
      // registry), registered before the builder looks the scheme up, removed by close().
      resolver = new TargetsResolver.Provider(settings.getTargets());
      resolver.register();
      target = resolver.target();
    }
    try {
      ManagedChannel ch =
          Grpc.newChannelBuilder(target, creds)
              .userAgent(ClientSettings.userAgent())
              .defaultServiceConfig(SERVICE_CONFIG)
              .build();
      return new Transport(settings, ch, resolver, ch);
    } catch (RuntimeException | Error e) {
      if (resolver != null) {
        resolver.deregister();
      }
      throw e;
    }
  }

  /**
   * Uses a channel owned by the caller (not shut down by {@link #close()}); its user agent is the
   * caller's to set (e.g. {@code ManagedChannelBuilder.userAgent(ClientSettings.userAgent())}).
   */
  public static Transport create(ClientSettings settings, Channel channel) {
    return new Transport(settings, null, null, channel);
  }

  /** The name resolver scheme of a client with several targets (for tests), or null. */
  String resolverScheme() {
    return resolver == null ? null : resolver.scheme();
  }

  public ClientSettings settings() {
    return settings;
  }

  public Channel channel() {
    return channel;
  }

  /**
   * The namespace of a call on one object or one namespace (get, delete, deleteCollection, and the
   * default of create and update): {@code namespace}, or the default namespace when it is null or
   * empty.
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

  /** The timeout of a whole logical call (per call, else the client default), or null. */
  public Duration timeout(CallOptions options) {
    return options.getTimeout() != null ? options.getTimeout() : settings.getDefaultTimeout();
  }

  /**
   * The retry settings of a call: the call's own when it has them (used as given, for any method),
   * else the client's for an idempotent method and none for another.
   */
  RetrySettings retry(CallOptions options, boolean idempotent) {
    if (options.getRetrySettings() != null) {
      return options.getRetrySettings();
    }
    return idempotent ? settings.getRetrySettings() : RetrySettings.none();
  }

  private static io.grpc.Deadline deadline(Duration timeout) {
    return timeout == null ? null : io.grpc.Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * One logical call: its overall deadline, its headers (the same on every attempt) and the state
   * of its attempts.
   */
  private static final class LogicalCall {
    final RetrySettings retry;
    final io.grpc.Deadline overall;
    final List<Map.Entry<String, String>> headers;
    int attempt;
    boolean cutByAttemptTimeout;

    LogicalCall(RetrySettings retry, io.grpc.Deadline overall, CallOptions options, boolean write) {
      this.retry = retry;
      this.overall = overall;
      List<Map.Entry<String, String>> h = options.getMetadata();
      if (write) {
        String key = options.getIdempotencyKey();
        h = new ArrayList<>(h);
        h.add(Map.entry(IDEMPOTENCY_KEY, key != null ? key : UUID.randomUUID().toString()));
      }
      this.headers = h;
    }

    /**
     * The gRPC options of the next attempt: the deadline is the shorter of what remains and the
     * attempt timeout.
     */
    io.grpc.CallOptions nextAttempt() {
      attempt++;
      io.grpc.Deadline d = overall;
      cutByAttemptTimeout = false;
      Duration perAttempt = retry.getAttemptTimeout();
      if (perAttempt != null) {
        io.grpc.Deadline a = deadline(perAttempt);
        if (overall == null || a.isBefore(overall)) {
          d = a;
          cutByAttemptTimeout = true;
        }
      }
      io.grpc.CallOptions o = io.grpc.CallOptions.DEFAULT;
      if (d != null) {
        o = o.withDeadline(d);
      }
      return headers.isEmpty() ? o : o.withOption(HEADERS, headers);
    }

    /** The wait before retrying after {@code ex}, or null when it is the call's outcome. */
    Duration waitAfter(MichelangeloException ex) {
      boolean retryable =
          ex.isRetryable()
              || (ex.getCode() == Status.Code.DEADLINE_EXCEEDED
                  && cutByAttemptTimeout
                  && (overall == null || !overall.isExpired()));
      if (!retryable || attempt >= retry.getMaxAttempts()) {
        return null;
      }
      Duration wait = retry.backoff(attempt);
      Duration floor = ex.getRetryDelay();
      if (floor != null && floor.compareTo(wait) > 0) {
        wait = floor;
      }
      if (overall != null && overall.timeRemaining(TimeUnit.NANOSECONDS) <= wait.toNanos()) {
        return null;
      }
      return wait;
    }
  }

  /**
   * A blocking unary call of a read. See {@link #unary(MethodDescriptor, Object, CallOptions,
   * boolean, boolean)}.
   */
  public <Q, R> R unary(
      MethodDescriptor<Q, R> method, Q request, CallOptions options, boolean idempotent) {
    return unary(method, request, options, idempotent, false);
  }

  /**
   * A blocking unary call. The timeout bounds the whole call (attempts and backoff); each attempt
   * gets what remains, or the retry settings' attempt timeout when shorter. Retries UNAVAILABLE,
   * RESOURCE_EXHAUSTED with a RetryInfo (waiting at least its delay) and an attempt cut short by
   * the attempt timeout. A {@code write} sends one idempotency key on every attempt. Throws the
   * {@link MichelangeloException} subclass of the final status.
   */
  public <Q, R> R unary(
      MethodDescriptor<Q, R> method,
      Q request,
      CallOptions options,
      boolean idempotent,
      boolean write) {
    LogicalCall call =
        new LogicalCall(retry(options, idempotent), deadline(timeout(options)), options, write);
    while (true) {
      try {
        return ClientCalls.blockingUnaryCall(channel, method, call.nextAttempt(), request);
      } catch (StatusRuntimeException e) {
        MichelangeloException ex = MichelangeloException.from(e);
        Duration wait = call.waitAfter(ex);
        if (wait == null) {
          throw ex;
        }
        sleep(wait);
      }
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting to retry", List.of(), e);
    }
  }

  /** The asynchronous form of {@link #unary(MethodDescriptor, Object, CallOptions, boolean)}. */
  public <Q, R> CompletableFuture<R> unaryAsync(
      MethodDescriptor<Q, R> method, Q request, CallOptions options, boolean idempotent) {
    return unaryAsync(method, () -> request, options, idempotent, false);
  }

  /**
   * The asynchronous form of {@link #unary(MethodDescriptor, Object, CallOptions, boolean,
   * boolean)}: never blocks and never throws; the future fails with the {@link
   * MichelangeloException} subclass (or with what {@code request} threw: bad arguments, client
   * validation); cancelling it cancels the call in flight.
   */
  public <Q, R> CompletableFuture<R> unaryAsync(
      MethodDescriptor<Q, R> method,
      Supplier<Q> request,
      CallOptions options,
      boolean idempotent,
      boolean write) {
    Q built;
    LogicalCall call;
    try {
      built = request.get();
      call =
          new LogicalCall(retry(options, idempotent), deadline(timeout(options)), options, write);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    AtomicReference<ClientCall<Q, R>> current = new AtomicReference<>();
    result.whenComplete(
        (v, t) -> {
          ClientCall<Q, R> c = current.get();
          if (result.isCancelled() && c != null) {
            c.cancel("cancelled by the caller", null);
          }
        });
    attemptAsync(method, built, call, result, current);
    return result;
  }

  private <Q, R> void attemptAsync(
      MethodDescriptor<Q, R> method,
      Q request,
      LogicalCall logical,
      CompletableFuture<R> result,
      AtomicReference<ClientCall<Q, R>> current) {
    if (result.isDone()) {
      return;
    }
    ClientCall<Q, R> call = channel.newCall(method, logical.nextAttempt());
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
            Duration wait = result.isDone() ? null : logical.waitAfter(ex);
            if (wait == null) {
              result.completeExceptionally(ex);
              return;
            }
            try {
              scheduler.schedule(
                  () -> attemptAsync(method, request, logical, result, current),
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

  /**
   * Starts a server-streaming call of a custom method: no deadline unless {@code options} has a
   * timeout (the client's default does not apply to streams), never retried or resumed. A {@code
   * write} sends an idempotency key ({@link CallOptions#getIdempotencyKey()}, else a random UUID).
   */
  public <Q, R> ServerStream<R> serverStream(
      MethodDescriptor<Q, R> method, Q request, CallOptions options, boolean write) {
    LogicalCall logical =
        new LogicalCall(RetrySettings.none(), deadline(options.getTimeout()), options, write);
    return new ServerStream<>(channel.newCall(method, logical.nextAttempt()), request);
  }

  /** Adds the headers of a logical call (idempotency key, per-call metadata) to each attempt. */
  private static final ClientInterceptor ADD_HEADERS =
      new ClientInterceptor() {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(
            MethodDescriptor<Q, R> method, io.grpc.CallOptions callOptions, Channel next) {
          List<Map.Entry<String, String>> extra = callOptions.getOption(HEADERS);
          ClientCall<Q, R> call = next.newCall(method, callOptions);
          if (extra == null || extra.isEmpty()) {
            return call;
          }
          return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
              for (Map.Entry<String, String> e : extra) {
                headers.put(
                    Metadata.Key.of(e.getKey(), Metadata.ASCII_STRING_MARSHALLER), e.getValue());
              }
              super.start(listener, headers);
            }
          };
        }
      };

  /** Asks {@code token} on every attempt; a failing provider fails the call, without its text. */
  private static ClientInterceptor bearer(Supplier<String> token) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, io.grpc.CallOptions callOptions, Channel next) {
        String t;
        try {
          t = token.get();
        } catch (RuntimeException e) {
          // The provider's exception may quote the token; only its type is reported.
          return new FailedCall<>(
              Status.UNAUTHENTICATED.withDescription(
                  "the token provider failed with " + e.getClass().getName()));
        }
        ClientCall<Q, R> call = next.newCall(method, callOptions);
        if (t == null || t.isEmpty()) {
          return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(AUTHORIZATION, "Bearer " + t);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** A call that sends nothing and ends with {@code status}. */
  private static final class FailedCall<Q, R> extends ClientCall<Q, R> {
    private final Status status;

    FailedCall(Status status) {
      this.status = status;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      listener.onClose(status, new Metadata());
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(Q message) {}
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
      } finally {
        if (resolver != null) {
          resolver.deregister();
        }
      }
    }
  }
}
