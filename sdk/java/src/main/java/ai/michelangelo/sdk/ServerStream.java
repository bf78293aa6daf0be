package ai.michelangelo.sdk;

import io.grpc.ClientCall;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The messages of one server-streaming call of a custom method, as a blocking iterator. The call
 * starts when the stream is created. It has no deadline unless the call options give a timeout (the
 * client's default timeout does not apply), and it is never retried or resumed: the error that ends
 * it is thrown, as the {@link MichelangeloException} subclass of its status, by {@link #hasNext()}
 * / {@link #next()}.
 *
 * <p>Flow control: the server delivers a message only when the previous ones have been taken, so a
 * slow consumer holds at most {@value #WINDOW} received messages. Close it (try-with-resources) to
 * cancel the call early; {@link #forEachAsync} is the asynchronous form.
 *
 * <p>One reader; {@link #close()} may be called from any thread.
 *
 * @param <R> the streamed message
 */
public final class ServerStream<R> implements Iterator<R>, Iterable<R>, AutoCloseable {
  private static final Object END_OK = new Object();

  /** Messages requested from the server ahead of the consumer. */
  static final int WINDOW = 2;

  // Bounded by flow control: WINDOW messages plus one end signal.
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final ClientCall<?, R> call;
  private volatile ClientCallStreamObserver<?> requests;
  private volatile boolean closed;
  private boolean ended;
  private R next;

  <Q> ServerStream(ClientCall<Q, R> call, Q request) {
    this.call = call;
    ClientCalls.asyncServerStreamingCall(
        call,
        request,
        new ClientResponseObserver<Q, R>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
            requestStream.disableAutoRequestWithInitial(WINDOW);
            requests = requestStream;
          }

          @Override
          public void onNext(R value) {
            queue.add(value);
          }

          @Override
          public void onError(Throwable t) {
            queue.add(t);
          }

          @Override
          public void onCompleted() {
            queue.add(END_OK);
          }
        });
  }

  @Override
  public Iterator<R> iterator() {
    return this;
  }

  /**
   * Blocks until a message is available (true) or the stream has ended or was closed (false);
   * throws the {@link MichelangeloException} that ended the stream.
   */
  @Override
  public boolean hasNext() {
    while (next == null && !ended && !closed) {
      Object signal;
      try {
        signal = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new CancelledException("interrupted while reading a stream", java.util.List.of(), e);
      }
      if (signal == END_OK) {
        ended = true;
      } else if (signal instanceof Throwable t) {
        ended = true;
        if (!closed) {
          throw MichelangeloException.from(t);
        }
      } else {
        ClientCallStreamObserver<?> r = requests;
        if (r != null) {
          r.request(1); // one taken, one more may come
        }
        @SuppressWarnings("unchecked")
        R message = (R) signal;
        next = message;
      }
    }
    return next != null;
  }

  /** The next message, blocking; throws {@link MichelangeloException} when the stream failed. */
  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException("stream ended");
    }
    R m = next;
    next = null;
    return m;
  }

  /**
   * Reads this stream on {@code executor}, handing each message to {@code onMessage} in order. The
   * future completes when the stream ends, and fails with the {@link MichelangeloException} that
   * ended it or what {@code onMessage} threw (the stream is then cancelled). Cancelling the future
   * cancels the stream.
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super R> onMessage, Executor executor) {
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
                onMessage.accept(next());
              }
              done.complete(null);
            } catch (Throwable t) {
              close();
              done.completeExceptionally(t);
            }
          });
    } catch (RuntimeException e) {
      close();
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Cancels the call; idempotent, callable from any thread. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      call.cancel("stream closed by the client", null);
      queue.add(END_OK); // wakes a blocked reader
    }
  }
}
