package ai.michelangelo.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectWatchEvent;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.ClientSettings;
import ai.michelangelo.sdk.RetrySettings;
import ai.michelangelo.sdk.UnavailableException;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several instances ({@code ClientSettings.Builder.setTargets}): round robin over real ma-server
 * processes and failover when one is killed; client-side health checking, and a watch resuming on
 * the other instance, against {@link FakeProjects} servers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailoverTest {
  private static final RetrySettings FAST =
      RetrySettings.newBuilder()
          .setInitialBackoff(Duration.ofMillis(5))
          .setMaxBackoff(Duration.ofMillis(50))
          .setMaxAttempts(5)
          .build();

  static MichelangeloClient connect(RetrySettings retry, String... targets) {
    return MichelangeloClient.create(
        ClientSettings.newBuilder()
            .setTargets(targets)
            .setTls(false)
            .setDefaultTimeout(Duration.ofSeconds(10))
            .setRetrySettings(retry)
            .build());
  }

  static MichelangeloClient direct(MaServer server) {
    return MichelangeloClient.newBuilder().setTarget(server.target()).setTls(false).build();
  }

  static int count(MichelangeloClient client, String namespace) {
    return client.projects().list(namespace).toList().size();
  }

  /** Polls {@code done} every 10 ms for up to 5 s. */
  static boolean within5s(BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return done.getAsBoolean();
  }

  @Test
  void callsAreSpreadOverTheInstancesAndFailOverWhenOneIsKilled() throws Exception {
    try (MaServer a = MaServer.start();
        MaServer b = MaServer.start();
        MichelangeloClient onA = direct(a);
        MichelangeloClient onB = direct(b);
        // The client's default retry settings: what an application gets.
        MichelangeloClient both = connect(RetrySettings.defaults(), a.target(), b.target())) {
      // Each instance has its own memory store: where an object is tells where its create went.
      for (int i = 0; i < 40; i++) {
        both.projects().create(ClientTest.project("spread", "p-" + i));
      }
      int onFirst = count(onA, "spread");
      int onSecond = count(onB, "spread");
      assertEquals(40, onFirst + onSecond);
      assertTrue(onFirst >= 10 && onSecond >= 10, "round robin: " + onFirst + " and " + onSecond);

      a.kill();
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        String name = "q-" + i;
        Project created = both.projects().create(ClientTest.project("after", name));
        assertEquals(created, both.projects().get("after", name));
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(20, count(onB, "after"), "every create applied once, on the survivor");
      assertTrue(ms < 10_000, "40 calls after the kill took " + ms + " ms");
    }
  }

  @Test
  void anInstanceNotServingGetsNoCallsUntilItServesAgain() throws Exception {
    try (FakeProjects a = new FakeProjects();
        FakeProjects b = new FakeProjects()) {
      a.serving(false);
      try (MichelangeloClient c = connect(FAST, a.target(), b.target())) {
        for (int i = 0; i < 20; i++) {
          c.projects().get("ns", "x");
        }
        assertEquals(0, a.calls("GetProject").size(), "NOT_SERVING: no calls");
        assertEquals(20, b.calls("GetProject").size());

        a.serving(true);
        assertTrue(
            within5s(
                () -> {
                  c.projects().get("ns", "x");
                  return !a.calls("GetProject").isEmpty();
                }),
            "calls reach the instance again once it serves");
        a.reset();
        b.reset();
        for (int i = 0; i < 20; i++) {
          c.projects().get("ns", "x");
        }
        assertEquals(10, a.calls("GetProject").size(), "round robin over both again");
        assertEquals(10, b.calls("GetProject").size());

        // NOT_SERVING again while connected: once the health check has seen it, no more calls.
        a.serving(false);
        int[] onB = {0};
        assertTrue(
            within5s(
                () -> {
                  int before = a.calls("GetProject").size();
                  c.projects().get("ns", "x");
                  onB[0] = a.calls("GetProject").size() == before ? onB[0] + 1 : 0;
                  return onB[0] >= 10;
                }),
            "calls leave the instance that stopped serving");
        a.reset();
        b.reset();
        for (int i = 0; i < 20; i++) {
          c.projects().get("ns", "x");
        }
        assertEquals(0, a.calls("GetProject").size());
        assertEquals(20, b.calls("GetProject").size());
      }
    }
  }

  @Test
  void aSingleDnsTargetIsHealthCheckedToo() throws Exception {
    try (FakeProjects a = new FakeProjects()) {
      a.serving(false);
      try (MichelangeloClient c =
          MichelangeloClient.create(
              ClientSettings.newBuilder()
                  .setTarget("dns:///" + a.target())
                  .setTls(false)
                  .setDefaultTimeout(Duration.ofSeconds(5))
                  .setRetrySettings(RetrySettings.none())
                  .build())) {
        UnavailableException e =
            assertThrows(UnavailableException.class, () -> c.projects().get("ns", "x"));
        assertTrue(e.getMessage().contains("NOT_SERVING"), e.getMessage());
        assertTrue(a.calls.isEmpty(), "no call reaches an instance that is NOT_SERVING");
        a.serving(true);
        assertTrue(
            within5s(
                () -> {
                  try {
                    c.projects().get("ns", "x");
                    return true;
                  } catch (UnavailableException notYet) {
                    return false;
                  }
                }),
            "calls flow once it serves");
      }
    }
  }

  @Test
  void aWatchResumesOnTheOtherInstanceFromItsLastVersion() throws Exception {
    try (FakeProjects a = new FakeProjects();
        FakeProjects b = new FakeProjects();
        MichelangeloClient c = connect(FAST, a.target(), b.target())) {
      WatchSettings reconnect = WatchSettings.newBuilder().setReconnect(FAST).build();
      try (Watcher<ProjectWatchEvent> w =
          c.projects()
              .watch("ns", WatchOptions.newBuilder().setResourceVersion("10").build(), reconnect)) {
        ProjectWatchEvent first = w.poll(Duration.ofSeconds(10));
        assertNotNull(first);
        assertEquals("11", first.getObject().getMetadata().getResourceVersion());
        FakeProjects watched = a.watchedFrom.isEmpty() ? b : a;
        FakeProjects other = watched == a ? b : a;
        assertEquals(List.of("10"), watched.watchedFrom);

        watched.stop(); // the instance goes away: its stream ends with UNAVAILABLE
        ProjectWatchEvent second = w.poll(Duration.ofSeconds(10));
        assertNotNull(second, "the watch resumed on the other instance");
        assertEquals("12", second.getObject().getMetadata().getResourceVersion());
        assertEquals(List.of("11"), other.watchedFrom, "reopened from the last version");
        assertEquals(List.of("10"), watched.watchedFrom);
      }
    }
  }
}
