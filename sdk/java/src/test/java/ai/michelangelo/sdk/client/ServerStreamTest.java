package ai.michelangelo.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.ProjectServiceGrpc;
import ai.michelangelo.api.v2.ProjectWatchEvent;
import ai.michelangelo.api.v2.WatchProjectsRequest;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.ClientSettings;
import ai.michelangelo.sdk.ServerStream;
import ai.michelangelo.sdk.Transport;
import ai.michelangelo.sdk.UnavailableException;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Transport#serverStream}, what generated custom server-streaming methods return, against a
 * grpc-java server on loopback (its WatchProjects stands in for a custom stream: one message, then
 * the queued end).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerStreamTest {
  private static FakeProjects server;
  private static Transport transport;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeProjects();
    transport =
        Transport.create(
            ClientSettings.newBuilder()
                .setTarget(server.target())
                .setTls(false)
                .setDefaultTimeout(Duration.ofSeconds(10))
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static ServerStream<ProjectWatchEvent> open(CallOptions options, boolean write) {
    WatchProjectsRequest request =
        WatchProjectsRequest.newBuilder()
            .setNamespace("ns")
            .setOptions(WatchOptions.newBuilder().setResourceVersion("4"))
            .build();
    return transport.serverStream(
        ProjectServiceGrpc.getWatchProjectsMethod(), request, options, write);
  }

  @Test
  void yieldsEveryMessageWithoutTheDefaultDeadlineAndSendsTheKeyAndMetadata() {
    server.watchEnds.add(Status.OK);
    List<String> versions = new ArrayList<>();
    CallOptions options =
        CallOptions.newBuilder().addMetadata("x-trace", "t1").setIdempotencyKey("k-1").build();
    try (ServerStream<ProjectWatchEvent> s = open(options, true)) {
      for (ProjectWatchEvent e : s) {
        versions.add(e.getObject().getMetadata().getResourceVersion());
      }
    }
    assertEquals(List.of("5"), versions);
    FakeProjects.Recorded call = server.calls("WatchProjects").get(0);
    assertNull(call.deadlineMs(), "a stream has no deadline unless the call gives a timeout");
    assertEquals("k-1", call.header("idempotency-key"));
    assertEquals("t1", call.header("x-trace"));
  }

  @Test
  void anErrorEndsTheStreamAndIsNotRetried() {
    server.watchEnds.add(Status.UNAVAILABLE);
    ServerStream<ProjectWatchEvent> s = open(CallOptions.defaults(), false);
    assertEquals("5", s.next().getObject().getMetadata().getResourceVersion());
    assertThrows(UnavailableException.class, s::hasNext);
    assertFalse(s.hasNext());
    assertEquals(1, server.calls("WatchProjects").size());
    assertNull(server.calls("WatchProjects").get(0).header("idempotency-key"));
  }

  @Test
  void aCallTimeoutBoundsTheStream() {
    server.watchEnds.add(Status.OK);
    try (ServerStream<ProjectWatchEvent> s =
        open(CallOptions.withTimeout(Duration.ofMinutes(1)), false)) {
      s.forEachRemaining(e -> {});
    }
    Long deadline = server.calls("WatchProjects").get(0).deadlineMs();
    assertNotNull(deadline);
    assertTrue(deadline <= 60_000, deadline::toString);
  }

  @Test
  void closeFromAnotherThreadCancelsAndEndsAForEachAsync() throws Exception {
    // No end queued: the server keeps the stream open after its one message.
    ServerStream<ProjectWatchEvent> s = open(CallOptions.defaults(), false);
    List<ProjectWatchEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var executor = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Void> done = s.forEachAsync(seen::add, executor);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, seen.size());
      assertFalse(done.isDone(), "the stream is still open");
      s.close();
      done.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("close() must end forEachAsync without an error", e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }
}
