package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * RevisionService manages revisions. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/revision_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class RevisionServiceGrpc {

  private RevisionServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.RevisionService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRevisionRequest,
      ai.michelangelo.api.v2.Revision> getCreateRevisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateRevision",
      requestType = ai.michelangelo.api.v2.CreateRevisionRequest.class,
      responseType = ai.michelangelo.api.v2.Revision.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRevisionRequest,
      ai.michelangelo.api.v2.Revision> getCreateRevisionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateRevisionRequest, ai.michelangelo.api.v2.Revision> getCreateRevisionMethod;
    if ((getCreateRevisionMethod = RevisionServiceGrpc.getCreateRevisionMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getCreateRevisionMethod = RevisionServiceGrpc.getCreateRevisionMethod) == null) {
          RevisionServiceGrpc.getCreateRevisionMethod = getCreateRevisionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateRevisionRequest, ai.michelangelo.api.v2.Revision>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateRevision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateRevisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Revision.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("CreateRevision"))
              .build();
        }
      }
    }
    return getCreateRevisionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRevisionRequest,
      ai.michelangelo.api.v2.Revision> getGetRevisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetRevision",
      requestType = ai.michelangelo.api.v2.GetRevisionRequest.class,
      responseType = ai.michelangelo.api.v2.Revision.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRevisionRequest,
      ai.michelangelo.api.v2.Revision> getGetRevisionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetRevisionRequest, ai.michelangelo.api.v2.Revision> getGetRevisionMethod;
    if ((getGetRevisionMethod = RevisionServiceGrpc.getGetRevisionMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getGetRevisionMethod = RevisionServiceGrpc.getGetRevisionMethod) == null) {
          RevisionServiceGrpc.getGetRevisionMethod = getGetRevisionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetRevisionRequest, ai.michelangelo.api.v2.Revision>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetRevision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetRevisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Revision.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("GetRevision"))
              .build();
        }
      }
    }
    return getGetRevisionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionRequest,
      ai.michelangelo.api.v2.Revision> getUpdateRevisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRevision",
      requestType = ai.michelangelo.api.v2.UpdateRevisionRequest.class,
      responseType = ai.michelangelo.api.v2.Revision.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionRequest,
      ai.michelangelo.api.v2.Revision> getUpdateRevisionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionRequest, ai.michelangelo.api.v2.Revision> getUpdateRevisionMethod;
    if ((getUpdateRevisionMethod = RevisionServiceGrpc.getUpdateRevisionMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getUpdateRevisionMethod = RevisionServiceGrpc.getUpdateRevisionMethod) == null) {
          RevisionServiceGrpc.getUpdateRevisionMethod = getUpdateRevisionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRevisionRequest, ai.michelangelo.api.v2.Revision>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRevision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRevisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Revision.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("UpdateRevision"))
              .build();
        }
      }
    }
    return getUpdateRevisionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionStatusRequest,
      ai.michelangelo.api.v2.Revision> getUpdateRevisionStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateRevisionStatus",
      requestType = ai.michelangelo.api.v2.UpdateRevisionStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Revision.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionStatusRequest,
      ai.michelangelo.api.v2.Revision> getUpdateRevisionStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateRevisionStatusRequest, ai.michelangelo.api.v2.Revision> getUpdateRevisionStatusMethod;
    if ((getUpdateRevisionStatusMethod = RevisionServiceGrpc.getUpdateRevisionStatusMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getUpdateRevisionStatusMethod = RevisionServiceGrpc.getUpdateRevisionStatusMethod) == null) {
          RevisionServiceGrpc.getUpdateRevisionStatusMethod = getUpdateRevisionStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateRevisionStatusRequest, ai.michelangelo.api.v2.Revision>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateRevisionStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateRevisionStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Revision.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("UpdateRevisionStatus"))
              .build();
        }
      }
    }
    return getUpdateRevisionStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionRequest,
      ai.michelangelo.api.v2.Revision> getDeleteRevisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRevision",
      requestType = ai.michelangelo.api.v2.DeleteRevisionRequest.class,
      responseType = ai.michelangelo.api.v2.Revision.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionRequest,
      ai.michelangelo.api.v2.Revision> getDeleteRevisionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionRequest, ai.michelangelo.api.v2.Revision> getDeleteRevisionMethod;
    if ((getDeleteRevisionMethod = RevisionServiceGrpc.getDeleteRevisionMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getDeleteRevisionMethod = RevisionServiceGrpc.getDeleteRevisionMethod) == null) {
          RevisionServiceGrpc.getDeleteRevisionMethod = getDeleteRevisionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRevisionRequest, ai.michelangelo.api.v2.Revision>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRevision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRevisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Revision.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("DeleteRevision"))
              .build();
        }
      }
    }
    return getDeleteRevisionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionCollectionRequest,
      ai.michelangelo.api.v2.RevisionList> getDeleteRevisionCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRevisionCollection",
      requestType = ai.michelangelo.api.v2.DeleteRevisionCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.RevisionList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionCollectionRequest,
      ai.michelangelo.api.v2.RevisionList> getDeleteRevisionCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteRevisionCollectionRequest, ai.michelangelo.api.v2.RevisionList> getDeleteRevisionCollectionMethod;
    if ((getDeleteRevisionCollectionMethod = RevisionServiceGrpc.getDeleteRevisionCollectionMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getDeleteRevisionCollectionMethod = RevisionServiceGrpc.getDeleteRevisionCollectionMethod) == null) {
          RevisionServiceGrpc.getDeleteRevisionCollectionMethod = getDeleteRevisionCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteRevisionCollectionRequest, ai.michelangelo.api.v2.RevisionList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRevisionCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteRevisionCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RevisionList.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("DeleteRevisionCollection"))
              .build();
        }
      }
    }
    return getDeleteRevisionCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRevisionsRequest,
      ai.michelangelo.api.v2.RevisionList> getListRevisionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRevisions",
      requestType = ai.michelangelo.api.v2.ListRevisionsRequest.class,
      responseType = ai.michelangelo.api.v2.RevisionList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRevisionsRequest,
      ai.michelangelo.api.v2.RevisionList> getListRevisionsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListRevisionsRequest, ai.michelangelo.api.v2.RevisionList> getListRevisionsMethod;
    if ((getListRevisionsMethod = RevisionServiceGrpc.getListRevisionsMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getListRevisionsMethod = RevisionServiceGrpc.getListRevisionsMethod) == null) {
          RevisionServiceGrpc.getListRevisionsMethod = getListRevisionsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListRevisionsRequest, ai.michelangelo.api.v2.RevisionList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRevisions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListRevisionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RevisionList.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("ListRevisions"))
              .build();
        }
      }
    }
    return getListRevisionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRevisionsRequest,
      ai.michelangelo.api.v2.RevisionWatchEvent> getWatchRevisionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchRevisions",
      requestType = ai.michelangelo.api.v2.WatchRevisionsRequest.class,
      responseType = ai.michelangelo.api.v2.RevisionWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRevisionsRequest,
      ai.michelangelo.api.v2.RevisionWatchEvent> getWatchRevisionsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchRevisionsRequest, ai.michelangelo.api.v2.RevisionWatchEvent> getWatchRevisionsMethod;
    if ((getWatchRevisionsMethod = RevisionServiceGrpc.getWatchRevisionsMethod) == null) {
      synchronized (RevisionServiceGrpc.class) {
        if ((getWatchRevisionsMethod = RevisionServiceGrpc.getWatchRevisionsMethod) == null) {
          RevisionServiceGrpc.getWatchRevisionsMethod = getWatchRevisionsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchRevisionsRequest, ai.michelangelo.api.v2.RevisionWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchRevisions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchRevisionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.RevisionWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new RevisionServiceMethodDescriptorSupplier("WatchRevisions"))
              .build();
        }
      }
    }
    return getWatchRevisionsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RevisionServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RevisionServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RevisionServiceStub>() {
        @java.lang.Override
        public RevisionServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RevisionServiceStub(channel, callOptions);
        }
      };
    return RevisionServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RevisionServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RevisionServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RevisionServiceBlockingStub>() {
        @java.lang.Override
        public RevisionServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RevisionServiceBlockingStub(channel, callOptions);
        }
      };
    return RevisionServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RevisionServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RevisionServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RevisionServiceFutureStub>() {
        @java.lang.Override
        public RevisionServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RevisionServiceFutureStub(channel, callOptions);
        }
      };
    return RevisionServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * RevisionService manages revisions. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateRevision stores a new revision. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createRevision(ai.michelangelo.api.v2.CreateRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateRevisionMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetRevision returns one revision; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getRevision(ai.michelangelo.api.v2.GetRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetRevisionMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRevision replaces the spec, metadata labels, annotations and finalizers of
     * a revision. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateRevision(ai.michelangelo.api.v2.UpdateRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRevisionMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateRevisionStatus replaces only the status of a revision, with the same
     * optimistic concurrency as UpdateRevision.
     * </pre>
     */
    default void updateRevisionStatus(ai.michelangelo.api.v2.UpdateRevisionStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateRevisionStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRevision removes a revision. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteRevision(ai.michelangelo.api.v2.DeleteRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRevisionMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteRevisionCollection deletes every revision in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteRevisionCollection(ai.michelangelo.api.v2.DeleteRevisionCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRevisionCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListRevisions returns one page of revisions; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listRevisions(ai.michelangelo.api.v2.ListRevisionsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRevisionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchRevisions streams every change to revisions after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchRevisions(ai.michelangelo.api.v2.WatchRevisionsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchRevisionsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RevisionService.
   * <pre>
   * RevisionService manages revisions. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class RevisionServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RevisionServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RevisionService.
   * <pre>
   * RevisionService manages revisions. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RevisionServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RevisionServiceStub> {
    private RevisionServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RevisionServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RevisionServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRevision stores a new revision. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createRevision(ai.michelangelo.api.v2.CreateRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateRevisionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetRevision returns one revision; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getRevision(ai.michelangelo.api.v2.GetRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetRevisionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRevision replaces the spec, metadata labels, annotations and finalizers of
     * a revision. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateRevision(ai.michelangelo.api.v2.UpdateRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRevisionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateRevisionStatus replaces only the status of a revision, with the same
     * optimistic concurrency as UpdateRevision.
     * </pre>
     */
    public void updateRevisionStatus(ai.michelangelo.api.v2.UpdateRevisionStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateRevisionStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRevision removes a revision. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteRevision(ai.michelangelo.api.v2.DeleteRevisionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRevisionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteRevisionCollection deletes every revision in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteRevisionCollection(ai.michelangelo.api.v2.DeleteRevisionCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRevisionCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListRevisions returns one page of revisions; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listRevisions(ai.michelangelo.api.v2.ListRevisionsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRevisionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchRevisions streams every change to revisions after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchRevisions(ai.michelangelo.api.v2.WatchRevisionsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchRevisionsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RevisionService.
   * <pre>
   * RevisionService manages revisions. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RevisionServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RevisionServiceBlockingStub> {
    private RevisionServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RevisionServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RevisionServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRevision stores a new revision. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Revision createRevision(ai.michelangelo.api.v2.CreateRevisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateRevisionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetRevision returns one revision; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Revision getRevision(ai.michelangelo.api.v2.GetRevisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetRevisionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRevision replaces the spec, metadata labels, annotations and finalizers of
     * a revision. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Revision updateRevision(ai.michelangelo.api.v2.UpdateRevisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRevisionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateRevisionStatus replaces only the status of a revision, with the same
     * optimistic concurrency as UpdateRevision.
     * </pre>
     */
    public ai.michelangelo.api.v2.Revision updateRevisionStatus(ai.michelangelo.api.v2.UpdateRevisionStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateRevisionStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRevision removes a revision. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Revision deleteRevision(ai.michelangelo.api.v2.DeleteRevisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRevisionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteRevisionCollection deletes every revision in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.RevisionList deleteRevisionCollection(ai.michelangelo.api.v2.DeleteRevisionCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRevisionCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListRevisions returns one page of revisions; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.RevisionList listRevisions(ai.michelangelo.api.v2.ListRevisionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRevisionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchRevisions streams every change to revisions after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.RevisionWatchEvent> watchRevisions(
        ai.michelangelo.api.v2.WatchRevisionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchRevisionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RevisionService.
   * <pre>
   * RevisionService manages revisions. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class RevisionServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RevisionServiceFutureStub> {
    private RevisionServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RevisionServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RevisionServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateRevision stores a new revision. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Revision> createRevision(
        ai.michelangelo.api.v2.CreateRevisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateRevisionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetRevision returns one revision; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Revision> getRevision(
        ai.michelangelo.api.v2.GetRevisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetRevisionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRevision replaces the spec, metadata labels, annotations and finalizers of
     * a revision. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Revision> updateRevision(
        ai.michelangelo.api.v2.UpdateRevisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRevisionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateRevisionStatus replaces only the status of a revision, with the same
     * optimistic concurrency as UpdateRevision.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Revision> updateRevisionStatus(
        ai.michelangelo.api.v2.UpdateRevisionStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateRevisionStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRevision removes a revision. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Revision> deleteRevision(
        ai.michelangelo.api.v2.DeleteRevisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRevisionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteRevisionCollection deletes every revision in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RevisionList> deleteRevisionCollection(
        ai.michelangelo.api.v2.DeleteRevisionCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRevisionCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListRevisions returns one page of revisions; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.RevisionList> listRevisions(
        ai.michelangelo.api.v2.ListRevisionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRevisionsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_REVISION = 0;
  private static final int METHODID_GET_REVISION = 1;
  private static final int METHODID_UPDATE_REVISION = 2;
  private static final int METHODID_UPDATE_REVISION_STATUS = 3;
  private static final int METHODID_DELETE_REVISION = 4;
  private static final int METHODID_DELETE_REVISION_COLLECTION = 5;
  private static final int METHODID_LIST_REVISIONS = 6;
  private static final int METHODID_WATCH_REVISIONS = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_REVISION:
          serviceImpl.createRevision((ai.michelangelo.api.v2.CreateRevisionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision>) responseObserver);
          break;
        case METHODID_GET_REVISION:
          serviceImpl.getRevision((ai.michelangelo.api.v2.GetRevisionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision>) responseObserver);
          break;
        case METHODID_UPDATE_REVISION:
          serviceImpl.updateRevision((ai.michelangelo.api.v2.UpdateRevisionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision>) responseObserver);
          break;
        case METHODID_UPDATE_REVISION_STATUS:
          serviceImpl.updateRevisionStatus((ai.michelangelo.api.v2.UpdateRevisionStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision>) responseObserver);
          break;
        case METHODID_DELETE_REVISION:
          serviceImpl.deleteRevision((ai.michelangelo.api.v2.DeleteRevisionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Revision>) responseObserver);
          break;
        case METHODID_DELETE_REVISION_COLLECTION:
          serviceImpl.deleteRevisionCollection((ai.michelangelo.api.v2.DeleteRevisionCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList>) responseObserver);
          break;
        case METHODID_LIST_REVISIONS:
          serviceImpl.listRevisions((ai.michelangelo.api.v2.ListRevisionsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionList>) responseObserver);
          break;
        case METHODID_WATCH_REVISIONS:
          serviceImpl.watchRevisions((ai.michelangelo.api.v2.WatchRevisionsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.RevisionWatchEvent>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateRevisionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateRevisionRequest,
              ai.michelangelo.api.v2.Revision>(
                service, METHODID_CREATE_REVISION)))
        .addMethod(
          getGetRevisionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetRevisionRequest,
              ai.michelangelo.api.v2.Revision>(
                service, METHODID_GET_REVISION)))
        .addMethod(
          getUpdateRevisionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRevisionRequest,
              ai.michelangelo.api.v2.Revision>(
                service, METHODID_UPDATE_REVISION)))
        .addMethod(
          getUpdateRevisionStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateRevisionStatusRequest,
              ai.michelangelo.api.v2.Revision>(
                service, METHODID_UPDATE_REVISION_STATUS)))
        .addMethod(
          getDeleteRevisionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRevisionRequest,
              ai.michelangelo.api.v2.Revision>(
                service, METHODID_DELETE_REVISION)))
        .addMethod(
          getDeleteRevisionCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteRevisionCollectionRequest,
              ai.michelangelo.api.v2.RevisionList>(
                service, METHODID_DELETE_REVISION_COLLECTION)))
        .addMethod(
          getListRevisionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListRevisionsRequest,
              ai.michelangelo.api.v2.RevisionList>(
                service, METHODID_LIST_REVISIONS)))
        .addMethod(
          getWatchRevisionsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchRevisionsRequest,
              ai.michelangelo.api.v2.RevisionWatchEvent>(
                service, METHODID_WATCH_REVISIONS)))
        .build();
  }

  private static abstract class RevisionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RevisionServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.RevisionSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RevisionService");
    }
  }

  private static final class RevisionServiceFileDescriptorSupplier
      extends RevisionServiceBaseDescriptorSupplier {
    RevisionServiceFileDescriptorSupplier() {}
  }

  private static final class RevisionServiceMethodDescriptorSupplier
      extends RevisionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RevisionServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (RevisionServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RevisionServiceFileDescriptorSupplier())
              .addMethod(getCreateRevisionMethod())
              .addMethod(getGetRevisionMethod())
              .addMethod(getUpdateRevisionMethod())
              .addMethod(getUpdateRevisionStatusMethod())
              .addMethod(getDeleteRevisionMethod())
              .addMethod(getDeleteRevisionCollectionMethod())
              .addMethod(getListRevisionsMethod())
              .addMethod(getWatchRevisionsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
