package ai.michelangelo.sdk;

import io.grpc.ClientInterceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client connects and its defaults, immutable. The client connects to one {@code target}, a
 * gRPC target such as {@code localhost:50051} or {@code dns:///api.example.com:443}, or to several
 * instances named by their {@code host:port} addresses ({@link Builder#setTargets(List)}).
 *
 * <p>The client's own channel balances round robin over every address its target resolves to (all
 * the addresses of {@link Builder#setTargets(List)}, every address of a DNS name), with gRPC
 * client-side health checking ({@code grpc.health.v1.Health}, service {@code ""}): an instance that
 * is down or NOT_SERVING gets no calls until it is SERVING again.
 *
 * <p>TLS is on by default. A bearer token (static or a provider) over plaintext ({@code
 * setTls(false)}) is refused by {@link Builder#build()} unless the target (every one of the
 * targets) is loopback (127.0.0.0/8, ::1, {@code localhost}) or {@link
 * Builder#setAllowInsecureToken(boolean)} says so. The token never appears in {@link #toString()}
 * or in the SDK's exception messages.
 */
public final class ClientSettings {
  private final String target;
  private final List<String> targets;
  private final boolean tls;
  private final Path caFile;
  private final Supplier<String> bearerToken;
  private final String defaultNamespace;
  private final Duration defaultTimeout;
  private final RetrySettings retrySettings;
  private final List<ClientInterceptor> interceptors;
  private final boolean allowInsecureToken;

  private ClientSettings(Builder b) {
    this.target = b.target;
    this.targets = b.targets;
    this.tls = b.tls;
    this.caFile = b.caFile;
    this.bearerToken = b.bearerToken;
    this.defaultNamespace = b.defaultNamespace;
    this.defaultTimeout = b.defaultTimeout;
    this.retrySettings = b.retrySettings;
    this.interceptors = List.copyOf(b.interceptors);
    this.allowInsecureToken = b.allowInsecureToken;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.target = target;
    b.targets = targets;
    b.tls = tls;
    b.caFile = caFile;
    b.bearerToken = bearerToken;
    b.defaultNamespace = defaultNamespace;
    b.defaultTimeout = defaultTimeout;
    b.retrySettings = retrySettings;
    b.interceptors.addAll(interceptors);
    b.allowInsecureToken = allowInsecureToken;
    return b;
  }

  /**
   * The single gRPC target, or null when the settings name several instances ({@link
   * #getTargets()}).
   */
  public String getTarget() {
    return target;
  }

  /**
   * The {@code host:port} addresses of the instances given to {@link Builder#setTargets(List)}, in
   * order, or an empty list when the settings name a single target ({@link #getTarget()}).
   */
  public List<String> getTargets() {
    return targets;
  }

  /** TLS on (the default) or plaintext. */
  public boolean isTls() {
    return tls;
  }

  /** PEM file of the CA certificates to trust instead of the system's, or null. */
  public Path getCaFile() {
    return caFile;
  }

  /**
   * Source of the bearer token sent as {@code authorization: Bearer <token>}, asked on every
   * attempt of every call, or null.
   */
  public Supplier<String> getBearerToken() {
    return bearerToken;
  }

  /** Namespace used when a call names none (empty for none). */
  public String getDefaultNamespace() {
    return defaultNamespace;
  }

  /** Timeout of every call without its own, or null for none. */
  public Duration getDefaultTimeout() {
    return defaultTimeout;
  }

  public RetrySettings getRetrySettings() {
    return retrySettings;
  }

  /** Extra interceptors, outermost first. */
  public List<ClientInterceptor> getInterceptors() {
    return interceptors;
  }

  /** A token may be sent over plaintext to a non-loopback target. */
  public boolean isAllowInsecureToken() {
    return allowInsecureToken;
  }

  /** The user agent of the client's own channels: {@code michelangelo-sdk-java/<version>}. */
  public static String userAgent() {
    return "michelangelo-sdk-java/" + Version.VERSION;
  }

  /**
   * The target names this machine: {@code localhost}, 127.0.0.0/8 or ::1 (also as {@code
   * ipv4:}/{@code ipv6:}/{@code dns:} targets), or a unix socket.
   */
  static boolean isLoopback(String target) {
    String t = target.trim();
    if (t.startsWith("unix:") || t.startsWith("unix-abstract:")) {
      return true;
    }
    int scheme = t.indexOf(":///");
    if (scheme >= 0) {
      t = t.substring(scheme + 4);
    } else if (t.startsWith("ipv4:") || t.startsWith("ipv6:") || t.startsWith("dns:")) {
      t = t.substring(t.indexOf(':') + 1);
    }
    int comma = t.indexOf(',');
    if (comma >= 0) {
      return isLoopback(t.substring(0, comma)) && isLoopback(t.substring(comma + 1));
    }
    String host;
    if (t.startsWith("[")) {
      int end = t.indexOf(']');
      host = end < 0 ? t.substring(1) : t.substring(1, end);
    } else if (t.indexOf(':') != t.lastIndexOf(':')) {
      host = t; // a bare IPv6 literal
    } else {
      int colon = t.indexOf(':');
      host = colon < 0 ? t : t.substring(0, colon);
    }
    host = host.toLowerCase(java.util.Locale.ROOT);
    if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ClientSettings{"
        + (targets.isEmpty() ? "target=" + target : "targets=" + targets)
        + ", tls="
        + tls
        + ", caFile="
        + caFile
        + ", bearerToken="
        + (bearerToken == null ? "none" : "***")
        + ", defaultNamespace="
        + defaultNamespace
        + ", defaultTimeout="
        + defaultTimeout
        + ", retrySettings="
        + retrySettings
        + ", interceptors="
        + interceptors.size()
        + ", allowInsecureToken="
        + allowInsecureToken
        + "}";
  }

  /** Builder of {@link ClientSettings}. */
  public static final class Builder {
    private String target;
    private List<String> targets = List.of();
    private boolean tls = true;
    private Path caFile;
    private Supplier<String> bearerToken;
    private String defaultNamespace = "";
    private Duration defaultTimeout = Duration.ofSeconds(30);
    private RetrySettings retrySettings = RetrySettings.defaults();
    private final List<ClientInterceptor> interceptors = new ArrayList<>();
    private boolean allowInsecureToken;

    private Builder() {}

    /** The gRPC target of the server, e.g. {@code localhost:50051} or {@code dns:///host:443}. */
    public Builder setTarget(String target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Several instances serving the same data, each as {@code host:port} (a host name, an IPv4
     * address or a bracketed IPv6 address, and a port in 1-65535), e.g. {@code
     * List.of("ma-1.internal:50051", "ma-2.internal:50051")}: the client balances round robin over
     * all of them and health-checks each ({@code grpc.health.v1.Health}, service {@code ""}), so
     * one that is down or NOT_SERVING gets no calls until it serves again. Host names are resolved
     * when the channel starts and again when an instance fails. Over TLS the channel's authority
     * (the {@code :authority} header, whose host is the name server certificates are verified
     * against) is the first address, so every instance's certificate must be valid for the first
     * address's host name.
     *
     * <p>Replaces the targets given before. An empty list, a null, malformed or repeated address
     * are {@link IllegalArgumentException}s naming the bad one; {@link #build()} refuses settings
     * with both a target and targets.
     */
    public Builder setTargets(List<String> targets) {
      Objects.requireNonNull(targets, "targets");
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(
            "targets is empty: give at least one host:port, e.g. localhost:50051");
      }
      List<String> checked = new ArrayList<>(targets.size());
      for (String t : targets) {
        String address = HostPort.parse(t).toString();
        if (checked.contains(address)) {
          throw new IllegalArgumentException("target '" + address + "' is given twice");
        }
        checked.add(address);
      }
      this.targets = List.copyOf(checked);
      return this;
    }

    /** {@link #setTargets(List)} with the addresses as arguments. */
    public Builder setTargets(String... targets) {
      return setTargets(Arrays.asList(Objects.requireNonNull(targets, "targets")));
    }

    public Builder setTls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** Trust the CA certificates in this PEM file (implies TLS). */
    public Builder setCaFile(Path caFile) {
      this.caFile = caFile;
      if (caFile != null) {
        this.tls = true;
      }
      return this;
    }

    public Builder setBearerToken(String token) {
      this.bearerToken = token == null ? null : () -> token;
      return this;
    }

    /** A token source asked on every attempt of every call, e.g. one that refreshes. */
    public Builder setBearerToken(Supplier<String> token) {
      this.bearerToken = token;
      return this;
    }

    /**
     * A refreshable token: {@code provider.get()} is called on every attempt of every call and its
     * value sent as {@code authorization: Bearer <token>} (null or empty: no header). If it throws,
     * the call fails with {@link UnauthenticatedException} (the token is never shown).
     */
    public Builder setTokenProvider(Supplier<String> provider) {
      return setBearerToken(provider);
    }

    /**
     * Allow a token over plaintext to a non-loopback target (default false: {@link #build()}
     * refuses it), e.g. behind a TLS-terminating sidecar.
     */
    public Builder setAllowInsecureToken(boolean allowInsecureToken) {
      this.allowInsecureToken = allowInsecureToken;
      return this;
    }

    public Builder setDefaultNamespace(String defaultNamespace) {
      this.defaultNamespace = defaultNamespace == null ? "" : defaultNamespace;
      return this;
    }

    /** Default 30 s; null for no deadline. Watches never get a deadline. */
    public Builder setDefaultTimeout(Duration defaultTimeout) {
      this.defaultTimeout = defaultTimeout;
      return this;
    }

    public Builder setRetrySettings(RetrySettings retrySettings) {
      this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings");
      return this;
    }

    /**
     * Adds a client interceptor (tracing, logging, extra headers); the first added runs outermost.
     * It sees every call of the client, each retry attempt and each watch stream, with the SDK's
     * headers (idempotency key, per-call metadata) already set:
     *
     * <pre>{@code
     * ClientInterceptor logging = new ClientInterceptor() {
     *   public <Q, R> ClientCall<Q, R> interceptCall(
     *       MethodDescriptor<Q, R> method, io.grpc.CallOptions options, Channel next) {
     *     log.info("calling " + method.getFullMethodName());
     *     return next.newCall(method, options);
     *   }
     * };
     * ClientSettings.newBuilder().setTarget("localhost:50051").addInterceptor(logging).build();
     * }</pre>
     */
    public Builder addInterceptor(ClientInterceptor interceptor) {
      this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    public ClientSettings build() {
      if (target != null && !targets.isEmpty()) {
        throw new IllegalArgumentException(
            "give the target or the targets, not both (target "
                + target
                + ", targets "
                + targets
                + ")");
      }
      if (targets.isEmpty() && (target == null || target.isEmpty())) {
        throw new IllegalArgumentException(
            "target is required, e.g. localhost:50051 (or setTargets for several instances)");
      }
      if (bearerToken != null && !tls && !allowInsecureToken) {
        for (String t : targets.isEmpty() ? List.of(target) : targets) {
          if (!isLoopback(t)) {
            throw new IllegalArgumentException(
                "refusing to send a bearer token over plaintext to the non-loopback target "
                    + t
                    + ": use TLS (setTls(true)) or, if the network is trusted,"
                    + " setAllowInsecureToken(true)");
          }
        }
      }
      return new ClientSettings(this);
    }
  }
}
