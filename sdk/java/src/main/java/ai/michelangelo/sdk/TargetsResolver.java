package ai.michelangelo.sdk;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.ProxiedSocketAddress;
import io.grpc.ProxyDetector;
import io.grpc.Status;
import io.grpc.SynchronizationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The name resolver of a client with several targets: one address group per {@code host:port} (all
 * the addresses of a host name in one group, so one subchannel per instance), handed to the
 * channel's round-robin, health-checking balancer.
 *
 * <p>grpc-java 1.60 has no per-channel name resolver registry (only the deprecated {@code
 * ManagedChannelBuilder.nameResolverFactory}), so each client registers its own provider in the
 * default registry under a scheme of its own ({@code michelangelo-<random UUID>}), at the lowest
 * priority so it never becomes the default scheme, and deregisters it when its channel is closed.
 * No other channel uses that scheme.
 */
final class TargetsResolver extends NameResolver {
  /** The provider of one client's targets, registered in the default registry while it lives. */
  static final class Provider extends NameResolverProvider {
    private final String scheme = "michelangelo-" + UUID.randomUUID();
    private final List<HostPort> targets;

    Provider(List<String> targets) {
      List<HostPort> parsed = new ArrayList<>();
      for (String t : targets) {
        parsed.add(HostPort.parse(t));
      }
      this.targets = List.copyOf(parsed);
    }

    String scheme() {
      return scheme;
    }

    /** The channel target that selects this provider. */
    String target() {
      return scheme + ":///" + targets.get(0);
    }

    void register() {
      NameResolverRegistry.getDefaultRegistry().register(this);
    }

    void deregister() {
      NameResolverRegistry.getDefaultRegistry().deregister(this);
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
      if (!scheme.equals(targetUri.getScheme())) {
        return null;
      }
      return new TargetsResolver(targets, args);
    }

    @Override
    public String getDefaultScheme() {
      return scheme;
    }

    @Override
    protected boolean isAvailable() {
      return true;
    }

    /** The lowest: the highest priority provider names the default scheme of every channel. */
    @Override
    protected int priority() {
      return 0;
    }
  }

  private final List<HostPort> targets;
  private final String authority;
  private final ProxyDetector proxyDetector;
  private final SynchronizationContext syncContext;
  private final Executor executor;

  // Guarded by syncContext.
  private Listener2 listener;
  private boolean resolving;
  private boolean shutdown;

  private TargetsResolver(List<HostPort> targets, NameResolver.Args args) {
    this.targets = targets;
    this.authority = targets.get(0).toString();
    this.proxyDetector = args.getProxyDetector();
    this.syncContext = args.getSynchronizationContext();
    Executor offload = args.getOffloadExecutor();
    this.executor = offload != null ? offload : Runnable::run;
  }

  /** The first address: over TLS, the name every instance's certificate is verified against. */
  @Override
  public String getServiceAuthority() {
    return authority;
  }

  @Override
  public void start(Listener2 listener) {
    this.listener = listener;
    resolve();
  }

  /** Called by the balancer when an instance fails: host names are looked up again. */
  @Override
  public void refresh() {
    resolve();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  private void resolve() {
    if (resolving || shutdown || listener == null) {
      return;
    }
    resolving = true;
    try {
      executor.execute(this::lookUp);
    } catch (RejectedExecutionException closing) {
      resolving = false; // the channel is shutting down
    }
  }

  /** Off the synchronization context: host names may need DNS. */
  private void lookUp() {
    List<EquivalentAddressGroup> groups = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (HostPort t : targets) {
      try {
        groups.add(group(t));
      } catch (IOException | RuntimeException e) {
        failures.add(t + ": " + e);
      }
    }
    syncContext.execute(
        () -> {
          resolving = false;
          if (shutdown) {
            return;
          }
          if (groups.isEmpty()) {
            listener.onError(
                Status.UNAVAILABLE.withDescription(
                    "none of the targets could be resolved: " + String.join("; ", failures)));
            return;
          }
          // A target that did not resolve is left out until the next refresh.
          listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        });
  }

  private EquivalentAddressGroup group(HostPort t) throws IOException {
    if (proxyDetector != null) {
      ProxiedSocketAddress proxied =
          proxyDetector.proxyFor(InetSocketAddress.createUnresolved(t.host, t.port));
      if (proxied != null) {
        return new EquivalentAddressGroup(proxied);
      }
    }
    List<SocketAddress> addresses = new ArrayList<>();
    for (InetAddress a : InetAddress.getAllByName(t.host)) {
      addresses.add(new InetSocketAddress(a, t.port));
    }
    return new EquivalentAddressGroup(addresses);
  }
}
