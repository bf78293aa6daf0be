package ai.michelangelo.sdk;

import io.grpc.ClientInterceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client connects and its defaults, immutable. {@code target} is a gRPC target such as
 * {@code localhost:50051} or {@code dns:///api.example.com:443}.
 */
public final class ClientSettings {
  private final String target;
  private final boolean tls;
  private final Path caFile;
  private final Supplier<String> bearerToken;
  private final String defaultNamespace;
  private final Duration defaultTimeout;
  private final RetrySettings retrySettings;
  private final List<ClientInterceptor> interceptors;

  private ClientSettings(Builder b) {
    this.target = b.target;
    this.tls = b.tls;
    this.caFile = b.caFile;
    this.bearerToken = b.bearerToken;
    this.defaultNamespace = b.defaultNamespace;
    this.defaultTimeout = b.defaultTimeout;
    this.retrySettings = b.retrySettings;
    this.interceptors = List.copyOf(b.interceptors);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.target = target;
    b.tls = tls;
    b.caFile = caFile;
    b.bearerToken = bearerToken;
    b.defaultNamespace = defaultNamespace;
    b.defaultTimeout = defaultTimeout;
    b.retrySettings = retrySettings;
    b.interceptors.addAll(interceptors);
    return b;
  }

  public String getTarget() {
    return target;
  }

  /** TLS on (the default) or plaintext. */
  public boolean isTls() {
    return tls;
  }

  /** PEM file of the CA certificates to trust instead of the system's, or null. */
  public Path getCaFile() {
    return caFile;
  }

  /** Source of the bearer token sent as {@code authorization: Bearer <token>}, or null. */
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

  @Override
  public String toString() {
    return "ClientSettings{target=" + target + ", tls=" + tls + ", caFile=" + caFile
        + ", bearerToken=" + (bearerToken == null ? "none" : "***") + ", defaultNamespace="
        + defaultNamespace + ", defaultTimeout=" + defaultTimeout + ", retrySettings="
        + retrySettings + "}";
  }

  /** Builder of {@link ClientSettings}. */
  public static final class Builder {
    private String target;
    private boolean tls = true;
    private Path caFile;
    private Supplier<String> bearerToken;
    private String defaultNamespace = "";
    private Duration defaultTimeout = Duration.ofSeconds(30);
    private RetrySettings retrySettings = RetrySettings.defaults();
    private final List<ClientInterceptor> interceptors = new ArrayList<>();

    private Builder() {}

    public Builder setTarget(String target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
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

    /** A token source asked on every call, e.g. one that refreshes. */
    public Builder setBearerToken(Supplier<String> token) {
      this.bearerToken = token;
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

    public Builder addInterceptor(ClientInterceptor interceptor) {
      this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    public ClientSettings build() {
      if (target == null || target.isEmpty()) {
        throw new IllegalArgumentException("target is required, e.g. localhost:50051");
      }
      return new ClientSettings(this);
    }
  }
}
