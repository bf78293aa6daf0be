package ai.michelangelo.sdk.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real ma-server process on loopback with the conformance (fault injection) service. */
final class MaServer implements AutoCloseable {
  private final Process process;
  final int grpcPort;
  private final ManagedChannel control;

  private MaServer(Process process, int grpcPort) {
    this.process = process;
    this.grpcPort = grpcPort;
    this.control = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
  }

  String target() {
    return "127.0.0.1:" + grpcPort;
  }

  /** System property ma.server, env MA_SERVER, PATH, then the repo's .nox/shared/bin. */
  static String executable() {
    String configured = System.getProperty("ma.server", System.getenv("MA_SERVER"));
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, "ma-server");
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = repo; dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(".nox/shared/bin/ma-server");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException(
        "ma-server not found: set -Dma.server=/path/to/ma-server or MA_SERVER, or put it on PATH"
            + " (./nox.sh -s main installs it into .nox/shared/bin)");
  }

  static MaServer start(String... extra) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                executable(),
                "--storage",
                "memory://",
                "--host",
                "127.0.0.1",
                "--grpc-port",
                "0",
                "--http-port",
                "0",
                "--conformance",
                "--log-level",
                "warning"));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.contains("\"ready\"")) {
                    return line;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String line;
    try {
      line = ready.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("ma-server did not get ready within 60 s", e);
    }
    if (line == null) {
      p.destroyForcibly();
      throw new IllegalStateException("ma-server exited before its ready line: " + cmd);
    }
    JsonObject j = JsonParser.parseString(line).getAsJsonObject();
    return new MaServer(p, j.get("grpc_port").getAsInt());
  }

  // -- conformance control ----------------------------------------------------------------------

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      };

  String control(String method, String json) {
    MethodDescriptor<byte[], byte[]> md =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("ma.conformance.Control/" + method)
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();
    byte[] out =
        ClientCalls.blockingUnaryCall(
            control,
            md,
            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
            json.getBytes(StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }

  void reset() {
    control("Reset", "{}");
  }

  /** Kills the process at once (SIGKILL), as a crash would; {@link #close()} is still safe. */
  void kill() throws InterruptedException {
    control.shutdownNow();
    if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("ma-server did not die within 10 s of SIGKILL");
    }
  }

  @Override
  public void close() {
    control.shutdownNow();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
