package ai.michelangelo.sdk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** One {@code host:port} address of {@link ClientSettings.Builder#setTargets(java.util.List)}. */
final class HostPort {
  /** Labels of letters, digits, '-' and '_' separated by dots (a trailing dot allowed). */
  private static final Pattern HOST =
      Pattern.compile(
          "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");

  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  /** The host name or address, without the brackets of an IPv6 address. */
  final String host;

  final int port;

  /** As given, e.g. {@code [::1]:50051}. */
  private final String text;

  private HostPort(String host, int port, String text) {
    this.host = host;
    this.port = port;
    this.text = text;
  }

  /**
   * Parses {@code host:port}: a host name or IPv4 address, or an IPv6 address in brackets, and a
   * port in 1-65535. Throws {@link IllegalArgumentException} naming the bad address.
   */
  static HostPort parse(String address) {
    if (address == null) {
      throw new IllegalArgumentException("a target is null: give host:port, e.g. localhost:50051");
    }
    String host;
    String port;
    if (address.startsWith("[")) {
      int end = address.indexOf(']');
      if (end < 0 || end + 1 >= address.length() || address.charAt(end + 1) != ':') {
        throw bad(address, "an IPv6 address is [address]:port, e.g. [::1]:50051");
      }
      host = address.substring(1, end);
      port = address.substring(end + 2);
      if (!IPV6.matcher(host).matches() || host.indexOf(':') < 0 || !isAddress(host)) {
        throw bad(address, "'" + host + "' is not an IPv6 address");
      }
    } else {
      if (address.contains("/")) {
        throw bad(address, "no scheme or path, only host:port");
      }
      int colon = address.lastIndexOf(':');
      if (colon < 0) {
        throw bad(address, "the port is missing");
      }
      host = address.substring(0, colon);
      port = address.substring(colon + 1);
      if (host.indexOf(':') >= 0) {
        throw bad(address, "an IPv6 address needs brackets, e.g. [::1]:50051");
      }
      if (host.isEmpty()) {
        throw bad(address, "the host is missing");
      }
      if (!HOST.matcher(host).matches()) {
        throw bad(address, "'" + host + "' is not a host name or IPv4 address");
      }
    }
    int p = -1;
    if (port.matches("[0-9]{1,5}")) {
      p = Integer.parseInt(port);
    }
    if (p < 1 || p > 65535) {
      throw bad(address, "the port '" + port + "' is not in 1-65535");
    }
    return new HostPort(host, p, address);
  }

  /** A literal IPv6 address ({@code InetAddress} parses it without a lookup). */
  private static boolean isAddress(String literal) {
    try {
      InetAddress.getByName(literal);
      return true;
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  private static IllegalArgumentException bad(String address, String why) {
    return new IllegalArgumentException(
        "target '" + address + "' is not host:port (e.g. ma-1.internal:50051): " + why);
  }

  @Override
  public String toString() {
    return text;
  }
}
