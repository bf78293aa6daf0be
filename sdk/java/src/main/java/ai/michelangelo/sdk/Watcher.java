package ai.michelangelo.sdk;

import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.WatchEventType;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A resilient watch: a blocking iterator of events (e.g. {@code ProjectWatchEvent}) that survives
 * dropped streams. It tracks the resource version of the last event (bookmarks included, which it
 * skips unless {@link WatchSettings#isEmitBookmarks()}), reopens the stream from there after a
 * drop, so every later change is delivered exactly once, and after OUT_OF_RANGE lists again and
 * emits ADDED for the current objects before resuming (see {@link WatchSettings}), calling {@link
 * WatchSettings#getOnRelist()} each time. Watching from version "" (or "0", the same) lists first
 * (ADDED for each object), then watches from the list's version. A stream that ends cleanly or with
 * UNAVAILABLE, INTERNAL or RESOURCE_EXHAUSTED is reopened; any other error ends the watch.
 *
 * <p>Flow control: the stream delivers a message only when the previous ones have been taken, so a
 * slow consumer holds at most {@value #WINDOW} received events ({@link #getBufferedCount()}); the
 * rest wait in the server and the transport's flow-control window. A watch has no deadline.
 *
 * <p>{@link #forEachAsync} is the asynchronous form: it hands every event to a callback on an
 * executor and completes when the watch ends.
 *
 * <p>Not thread-safe for consumers (one reader), but {@link #close()} may be called from any
 * thread: a blocked {@link #hasNext()} then returns false.
 *
 * @param <E> the watch event message
 */
public final class Watcher<E extends Message> implements Iterator<E>, Iterable<E>, AutoCloseable {
  private static final Object END_OK = new Object();

  /** Messages requested from the stream ahead of the consumer. */
  static final int WINDOW = 2;

  private final Transport transport;
  private final MethodDescriptor<?, E> method;
  private final Function<String, ?> requestFor;
  private final Supplier<Page<? extends Message>> relist;
  private final E prototype;
  private final WatchSettings settings;
  private final FieldDescriptor typeField;
  private final FieldDescriptor objectField;

  private final ArrayDeque<E> pending = new ArrayDeque<>();
  private String resourceVersion;
  private BlockingQueue<Object> queue;
  private volatile ClientCallStreamObserver<?> stream;
  private volatile ClientCall<?, E> call;
  private int failures;
  private volatile boolean closed;
  private E next;

  /**
   * Used by generated clients.
   *
   * @param requestFor the watch request for a resource version
   * @param relist lists every current object (all pages) with the list's resource version
   * @param prototype the default instance of the event message
   */
  public <Q> Watcher(
      Transport transport,
      MethodDescriptor<Q, E> method,
      Function<String, Q> requestFor,
      Supplier<Page<? extends Message>> relist,
      E prototype,
      String resourceVersion,
      WatchSettings settings) {
    this.transport = transport;
    this.method = method;
    this.requestFor = requestFor;
    this.relist = relist;
    this.prototype = prototype;
    // "0" means "any version" as in Kubernetes: the same as "" (list first), as in Python and Go.
    this.resourceVersion =
        resourceVersion == null || resourceVersion.equals("0") ? "" : resourceVersion;
    this.settings = settings == null ? WatchSettings.defaults() : settings;
    this.typeField = prototype.getDescriptorForType().findFieldByName("type");
    this.objectField = prototype.getDescriptorForType().findFieldByName("object");
  }

  /** The resource version of the last event seen: where a new watch would resume. */
  public String getResourceVersion() {
    return resourceVersion;
  }

  /**
   * Events received from the stream and not yet taken by the consumer: at most {@value #WINDOW}
   * however slow the consumer is (the events of a relist, one list result, are not counted).
   */
  public int getBufferedCount() {
    BlockingQueue<Object> q = queue;
    if (q == null) {
      return 0;
    }
    int n = 0;
    for (Object o : q) {
      if (o != END_OK && !(o instanceof Throwable)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Reads this watch on {@code executor}, handing each event to {@code onEvent} (one at a time, in
   * order, under flow control). The future completes when the watch is closed, and fails with the
   * {@link MichelangeloException} that ended it or what {@code onEvent} threw (the watch is then
   * closed). Cancelling the future closes the watch.
   */
  public CompletableFuture<Void> forEachAsync(
      java.util.function.Consumer<? super E> onEvent, Executor executor) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete(
        (v, t) -> {
          if (done.isCancelled()) {
            close();
          }
        });
    try {
      executor.execute(
          () -> {
            try {
              while (!done.isDone() && hasNext()) {
                onEvent.accept(next());
              }
              done.complete(null);
            } catch (Throwable t) {
              close();
              done.completeExceptionally(t);
            }
          });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public Iterator<E> iterator() {
    return this;
  }

  /** Blocks until an event is available (true) or the watcher is closed (false). */
  @Override
  public boolean hasNext() {
    if (next == null && !closed) {
      next = poll(null);
    }
    return next != null;
  }

  /**
   * The next event, blocking; throws {@link MichelangeloException} when the watch fails for good.
   */
  @Override
  public E next() {
    if (!hasNext()) {
      throw new NoSuchElementException("watch closed");
    }
    E e = next;
    next = null;
    return e;
  }

  /**
   * The next event, or null when none arrives within {@code timeout} (null waits forever) or the
   * watcher is closed.
   */
  public E poll(Duration timeout) {
    if (next != null) {
      E e = next;
      next = null;
      return e;
    }
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    while (!closed) {
      if (!pending.isEmpty()) {
        return pending.poll();
      }
      if (resourceVersion.isEmpty() && call == null) {
        relist();
        continue;
      }
      if (call == null) {
        open();
      }
      Object signal;
      try {
        long wait = deadline - System.nanoTime();
        if (wait <= 0) {
          return null;
        }
        signal = queue.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new CancelledException("interrupted while watching", java.util.List.of(), e);
      }
      if (signal == null) {
        continue;
      }
      if (signal == END_OK || signal instanceof Throwable) {
        call = null;
        stream = null;
        ended(signal == END_OK ? null : (Throwable) signal);
        continue;
      }
      ClientCallStreamObserver<?> s = stream;
      if (s != null) {
        s.request(1); // one taken, one more may come
      }
      @SuppressWarnings("unchecked")
      E event = (E) signal;
      failures = 0;
      String version = meta((Message) event.getField(objectField)).getResourceVersion();
      if (!version.isEmpty()) {
        resourceVersion = version;
      }
      if (type(event) == WatchEventType.BOOKMARK && !settings.isEmitBookmarks()) {
        continue;
      }
      return event;
    }
    return null;
  }

  private WatchEventType type(E event) {
    return WatchEventType.valueOf(
        (com.google.protobuf.Descriptors.EnumValueDescriptor) event.getField(typeField));
  }

  private static ObjectMeta meta(Message object) {
    FieldDescriptor f = object.getDescriptorForType().findFieldByName("metadata");
    return (ObjectMeta) object.getField(f);
  }

  private void relist() {
    Page<? extends Message> page = relist.get();
    for (Message obj : page.items()) {
      @SuppressWarnings("unchecked")
      E event =
          (E)
              prototype
                  .newBuilderForType()
                  .setField(typeField, WatchEventType.ADDED.getValueDescriptor())
                  .setField(objectField, obj)
                  .build();
      pending.add(event);
    }
    resourceVersion = page.resourceVersion();
    if (resourceVersion.isEmpty()) {
      throw new InternalException("the list returned no resource version to watch from");
    }
  }

  /** What to do after the stream ended: reconnect, relist, or throw. */
  private void ended(Throwable error) {
    if (closed) {
      return;
    }
    MichelangeloException ex = error == null ? null : MichelangeloException.from(error);
    if (ex instanceof ExpiredException) {
      if (!settings.isRelistOnExpired()) {
        close();
        throw ex;
      }
      relist();
      Runnable hook = settings.getOnRelist();
      if (hook != null) {
        hook.run();
      }
      return;
    }
    boolean retryable =
        ex == null
            || ex.getCode() == Status.Code.UNAVAILABLE
            || ex.getCode() == Status.Code.INTERNAL
            || ex.getCode() == Status.Code.RESOURCE_EXHAUSTED;
    failures++;
    if (!retryable || failures >= settings.getReconnect().getMaxAttempts()) {
      close();
      throw ex != null ? ex : new UnavailableException("watch kept ending without events");
    }
    Transport.sleep(settings.getReconnect().backoff(failures));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void open() {
    // Bounded by flow control: WINDOW messages plus one end signal.
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    queue = q;
    ClientCall c = transport.channel().newCall(method, io.grpc.CallOptions.DEFAULT);
    Object request = ((Function) requestFor).apply(resourceVersion);
    ClientCalls.asyncServerStreamingCall(
        c,
        request,
        new ClientResponseObserver<Object, E>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<Object> requestStream) {
            requestStream.disableAutoRequestWithInitial(WINDOW);
            stream = requestStream;
          }

          @Override
          public void onNext(E value) {
            q.add(value);
          }

          @Override
          public void onError(Throwable t) {
            q.add(t);
          }

          @Override
          public void onCompleted() {
            q.add(END_OK);
          }
        });
    // Published only once started: a close() that cancelled a call between its start and
    // half-close would make grpc-java (1.60) throw "call was cancelled" here.
    call = c;
    if (closed) {
      c.cancel("watch closed by the client", null); // close() ran before call was set
    }
  }

  /** Cancels the stream; idempotent, callable from any thread. */
  @Override
  public void close() {
    closed = true;
    ClientCall<?, E> c = call;
    if (c != null) {
      c.cancel("watch closed by the client", null);
    }
    BlockingQueue<Object> q = queue;
    if (q != null) {
      q.offer(END_OK); // wakes a blocked reader now rather than at its next poll timeout
    }
  }
}
