package ai.michelangelo.sdk;

/** The SDK's version, sent in the user agent; kept equal to the pom's version by VersionTest. */
public final class Version {
  /** The version of this SDK, e.g. {@code 0.1.0}. */
  public static final String VERSION = "0.1.0";

  private Version() {}
}
