package ma

// Version is the release of this SDK; it must equal the module's tag
// (sdk/go/vX.Y.Z) and the Python and Java SDKs' version.
const Version = "0.1.0"

// UserAgent is sent as the gRPC user agent of every call (gRPC appends its
// own token after it).
const UserAgent = "michelangelo-sdk-go/" + Version
