package ai.michelangelo.api.v2;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * ProjectService manages projects. Writes use optimistic concurrency on
 * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler (version 1.60.0)",
    comments = "Source: michelangelo/api/v2/project_svc.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ProjectServiceGrpc {

  private ProjectServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "michelangelo.api.v2.ProjectService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateProjectRequest,
      ai.michelangelo.api.v2.Project> getCreateProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateProject",
      requestType = ai.michelangelo.api.v2.CreateProjectRequest.class,
      responseType = ai.michelangelo.api.v2.Project.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateProjectRequest,
      ai.michelangelo.api.v2.Project> getCreateProjectMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.CreateProjectRequest, ai.michelangelo.api.v2.Project> getCreateProjectMethod;
    if ((getCreateProjectMethod = ProjectServiceGrpc.getCreateProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getCreateProjectMethod = ProjectServiceGrpc.getCreateProjectMethod) == null) {
          ProjectServiceGrpc.getCreateProjectMethod = getCreateProjectMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.CreateProjectRequest, ai.michelangelo.api.v2.Project>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.CreateProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Project.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("CreateProject"))
              .build();
        }
      }
    }
    return getCreateProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetProjectRequest,
      ai.michelangelo.api.v2.Project> getGetProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProject",
      requestType = ai.michelangelo.api.v2.GetProjectRequest.class,
      responseType = ai.michelangelo.api.v2.Project.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetProjectRequest,
      ai.michelangelo.api.v2.Project> getGetProjectMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.GetProjectRequest, ai.michelangelo.api.v2.Project> getGetProjectMethod;
    if ((getGetProjectMethod = ProjectServiceGrpc.getGetProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getGetProjectMethod = ProjectServiceGrpc.getGetProjectMethod) == null) {
          ProjectServiceGrpc.getGetProjectMethod = getGetProjectMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.GetProjectRequest, ai.michelangelo.api.v2.Project>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.GetProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Project.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("GetProject"))
              .build();
        }
      }
    }
    return getGetProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectRequest,
      ai.michelangelo.api.v2.Project> getUpdateProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateProject",
      requestType = ai.michelangelo.api.v2.UpdateProjectRequest.class,
      responseType = ai.michelangelo.api.v2.Project.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectRequest,
      ai.michelangelo.api.v2.Project> getUpdateProjectMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectRequest, ai.michelangelo.api.v2.Project> getUpdateProjectMethod;
    if ((getUpdateProjectMethod = ProjectServiceGrpc.getUpdateProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getUpdateProjectMethod = ProjectServiceGrpc.getUpdateProjectMethod) == null) {
          ProjectServiceGrpc.getUpdateProjectMethod = getUpdateProjectMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateProjectRequest, ai.michelangelo.api.v2.Project>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Project.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("UpdateProject"))
              .build();
        }
      }
    }
    return getUpdateProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectStatusRequest,
      ai.michelangelo.api.v2.Project> getUpdateProjectStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateProjectStatus",
      requestType = ai.michelangelo.api.v2.UpdateProjectStatusRequest.class,
      responseType = ai.michelangelo.api.v2.Project.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectStatusRequest,
      ai.michelangelo.api.v2.Project> getUpdateProjectStatusMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.UpdateProjectStatusRequest, ai.michelangelo.api.v2.Project> getUpdateProjectStatusMethod;
    if ((getUpdateProjectStatusMethod = ProjectServiceGrpc.getUpdateProjectStatusMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getUpdateProjectStatusMethod = ProjectServiceGrpc.getUpdateProjectStatusMethod) == null) {
          ProjectServiceGrpc.getUpdateProjectStatusMethod = getUpdateProjectStatusMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.UpdateProjectStatusRequest, ai.michelangelo.api.v2.Project>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateProjectStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.UpdateProjectStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Project.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("UpdateProjectStatus"))
              .build();
        }
      }
    }
    return getUpdateProjectStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectRequest,
      ai.michelangelo.api.v2.Project> getDeleteProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteProject",
      requestType = ai.michelangelo.api.v2.DeleteProjectRequest.class,
      responseType = ai.michelangelo.api.v2.Project.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectRequest,
      ai.michelangelo.api.v2.Project> getDeleteProjectMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectRequest, ai.michelangelo.api.v2.Project> getDeleteProjectMethod;
    if ((getDeleteProjectMethod = ProjectServiceGrpc.getDeleteProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getDeleteProjectMethod = ProjectServiceGrpc.getDeleteProjectMethod) == null) {
          ProjectServiceGrpc.getDeleteProjectMethod = getDeleteProjectMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteProjectRequest, ai.michelangelo.api.v2.Project>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.Project.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("DeleteProject"))
              .build();
        }
      }
    }
    return getDeleteProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectCollectionRequest,
      ai.michelangelo.api.v2.ProjectList> getDeleteProjectCollectionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteProjectCollection",
      requestType = ai.michelangelo.api.v2.DeleteProjectCollectionRequest.class,
      responseType = ai.michelangelo.api.v2.ProjectList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectCollectionRequest,
      ai.michelangelo.api.v2.ProjectList> getDeleteProjectCollectionMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.DeleteProjectCollectionRequest, ai.michelangelo.api.v2.ProjectList> getDeleteProjectCollectionMethod;
    if ((getDeleteProjectCollectionMethod = ProjectServiceGrpc.getDeleteProjectCollectionMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getDeleteProjectCollectionMethod = ProjectServiceGrpc.getDeleteProjectCollectionMethod) == null) {
          ProjectServiceGrpc.getDeleteProjectCollectionMethod = getDeleteProjectCollectionMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.DeleteProjectCollectionRequest, ai.michelangelo.api.v2.ProjectList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteProjectCollection"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.DeleteProjectCollectionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ProjectList.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("DeleteProjectCollection"))
              .build();
        }
      }
    }
    return getDeleteProjectCollectionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListProjectsRequest,
      ai.michelangelo.api.v2.ProjectList> getListProjectsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProjects",
      requestType = ai.michelangelo.api.v2.ListProjectsRequest.class,
      responseType = ai.michelangelo.api.v2.ProjectList.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListProjectsRequest,
      ai.michelangelo.api.v2.ProjectList> getListProjectsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.ListProjectsRequest, ai.michelangelo.api.v2.ProjectList> getListProjectsMethod;
    if ((getListProjectsMethod = ProjectServiceGrpc.getListProjectsMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getListProjectsMethod = ProjectServiceGrpc.getListProjectsMethod) == null) {
          ProjectServiceGrpc.getListProjectsMethod = getListProjectsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.ListProjectsRequest, ai.michelangelo.api.v2.ProjectList>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProjects"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ListProjectsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ProjectList.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("ListProjects"))
              .build();
        }
      }
    }
    return getListProjectsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchProjectsRequest,
      ai.michelangelo.api.v2.ProjectWatchEvent> getWatchProjectsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchProjects",
      requestType = ai.michelangelo.api.v2.WatchProjectsRequest.class,
      responseType = ai.michelangelo.api.v2.ProjectWatchEvent.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchProjectsRequest,
      ai.michelangelo.api.v2.ProjectWatchEvent> getWatchProjectsMethod() {
    io.grpc.MethodDescriptor<ai.michelangelo.api.v2.WatchProjectsRequest, ai.michelangelo.api.v2.ProjectWatchEvent> getWatchProjectsMethod;
    if ((getWatchProjectsMethod = ProjectServiceGrpc.getWatchProjectsMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getWatchProjectsMethod = ProjectServiceGrpc.getWatchProjectsMethod) == null) {
          ProjectServiceGrpc.getWatchProjectsMethod = getWatchProjectsMethod =
              io.grpc.MethodDescriptor.<ai.michelangelo.api.v2.WatchProjectsRequest, ai.michelangelo.api.v2.ProjectWatchEvent>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchProjects"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.WatchProjectsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  ai.michelangelo.api.v2.ProjectWatchEvent.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("WatchProjects"))
              .build();
        }
      }
    }
    return getWatchProjectsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ProjectServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceStub>() {
        @java.lang.Override
        public ProjectServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceStub(channel, callOptions);
        }
      };
    return ProjectServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ProjectServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceBlockingStub>() {
        @java.lang.Override
        public ProjectServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceBlockingStub(channel, callOptions);
        }
      };
    return ProjectServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ProjectServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceFutureStub>() {
        @java.lang.Override
        public ProjectServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceFutureStub(channel, callOptions);
        }
      };
    return ProjectServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * ProjectService manages projects. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * CreateProject stores a new project. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    default void createProject(ai.michelangelo.api.v2.CreateProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * GetProject returns one project; NOT_FOUND when it does not exist.
     * </pre>
     */
    default void getProject(ai.michelangelo.api.v2.GetProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateProject replaces the spec, metadata labels, annotations and finalizers of
     * a project. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    default void updateProject(ai.michelangelo.api.v2.UpdateProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * UpdateProjectStatus replaces only the status of a project, with the same
     * optimistic concurrency as UpdateProject.
     * </pre>
     */
    default void updateProjectStatus(ai.michelangelo.api.v2.UpdateProjectStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateProjectStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteProject removes a project. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    default void deleteProject(ai.michelangelo.api.v2.DeleteProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * DeleteProjectCollection deletes every project in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    default void deleteProjectCollection(ai.michelangelo.api.v2.DeleteProjectCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteProjectCollectionMethod(), responseObserver);
    }

    /**
     * <pre>
     * ListProjects returns one page of projects; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    default void listProjects(ai.michelangelo.api.v2.ListProjectsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProjectsMethod(), responseObserver);
    }

    /**
     * <pre>
     * WatchProjects streams every change to projects after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    default void watchProjects(ai.michelangelo.api.v2.WatchProjectsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectWatchEvent> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchProjectsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ProjectService.
   * <pre>
   * ProjectService manages projects. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static abstract class ProjectServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ProjectServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ProjectService.
   * <pre>
   * ProjectService manages projects. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ProjectServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ProjectServiceStub> {
    private ProjectServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateProject stores a new project. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public void createProject(ai.michelangelo.api.v2.CreateProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * GetProject returns one project; NOT_FOUND when it does not exist.
     * </pre>
     */
    public void getProject(ai.michelangelo.api.v2.GetProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateProject replaces the spec, metadata labels, annotations and finalizers of
     * a project. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public void updateProject(ai.michelangelo.api.v2.UpdateProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * UpdateProjectStatus replaces only the status of a project, with the same
     * optimistic concurrency as UpdateProject.
     * </pre>
     */
    public void updateProjectStatus(ai.michelangelo.api.v2.UpdateProjectStatusRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateProjectStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteProject removes a project. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public void deleteProject(ai.michelangelo.api.v2.DeleteProjectRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * DeleteProjectCollection deletes every project in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public void deleteProjectCollection(ai.michelangelo.api.v2.DeleteProjectCollectionRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteProjectCollectionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * ListProjects returns one page of projects; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public void listProjects(ai.michelangelo.api.v2.ListProjectsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProjectsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * WatchProjects streams every change to projects after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public void watchProjects(ai.michelangelo.api.v2.WatchProjectsRequest request,
        io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectWatchEvent> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchProjectsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ProjectService.
   * <pre>
   * ProjectService manages projects. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ProjectServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ProjectServiceBlockingStub> {
    private ProjectServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateProject stores a new project. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public ai.michelangelo.api.v2.Project createProject(ai.michelangelo.api.v2.CreateProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * GetProject returns one project; NOT_FOUND when it does not exist.
     * </pre>
     */
    public ai.michelangelo.api.v2.Project getProject(ai.michelangelo.api.v2.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateProject replaces the spec, metadata labels, annotations and finalizers of
     * a project. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public ai.michelangelo.api.v2.Project updateProject(ai.michelangelo.api.v2.UpdateProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * UpdateProjectStatus replaces only the status of a project, with the same
     * optimistic concurrency as UpdateProject.
     * </pre>
     */
    public ai.michelangelo.api.v2.Project updateProjectStatus(ai.michelangelo.api.v2.UpdateProjectStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateProjectStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteProject removes a project. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public ai.michelangelo.api.v2.Project deleteProject(ai.michelangelo.api.v2.DeleteProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * DeleteProjectCollection deletes every project in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public ai.michelangelo.api.v2.ProjectList deleteProjectCollection(ai.michelangelo.api.v2.DeleteProjectCollectionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteProjectCollectionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * ListProjects returns one page of projects; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public ai.michelangelo.api.v2.ProjectList listProjects(ai.michelangelo.api.v2.ListProjectsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProjectsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * WatchProjects streams every change to projects after the given resource
     * version, in order. A version older than the server keeps gives OUT_OF_RANGE:
     * list again and watch from the list's version.
     * </pre>
     */
    public java.util.Iterator<ai.michelangelo.api.v2.ProjectWatchEvent> watchProjects(
        ai.michelangelo.api.v2.WatchProjectsRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchProjectsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ProjectService.
   * <pre>
   * ProjectService manages projects. Writes use optimistic concurrency on
   * metadata.resource_version; reads and watches follow the Kubernetes API conventions.
   * </pre>
   */
  public static final class ProjectServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ProjectServiceFutureStub> {
    private ProjectServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * CreateProject stores a new project. The server sets uid, creation_timestamp,
     * resource_version and generation; an existing name gives ALREADY_EXISTS.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Project> createProject(
        ai.michelangelo.api.v2.CreateProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * GetProject returns one project; NOT_FOUND when it does not exist.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Project> getProject(
        ai.michelangelo.api.v2.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateProject replaces the spec, metadata labels, annotations and finalizers of
     * a project. A stale metadata.resource_version gives ABORTED; status is ignored.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Project> updateProject(
        ai.michelangelo.api.v2.UpdateProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * UpdateProjectStatus replaces only the status of a project, with the same
     * optimistic concurrency as UpdateProject.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Project> updateProjectStatus(
        ai.michelangelo.api.v2.UpdateProjectStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateProjectStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteProject removes a project. With finalizers present it only sets
     * metadata.deletion_timestamp and returns the object, which stays until its
     * finalizers are removed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.Project> deleteProject(
        ai.michelangelo.api.v2.DeleteProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * DeleteProjectCollection deletes every project in a namespace matching the
     * list options and returns what it deleted.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ProjectList> deleteProjectCollection(
        ai.michelangelo.api.v2.DeleteProjectCollectionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteProjectCollectionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * ListProjects returns one page of projects; follow metadata.continue_token
     * for the next page. An empty namespace lists all namespaces.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<ai.michelangelo.api.v2.ProjectList> listProjects(
        ai.michelangelo.api.v2.ListProjectsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProjectsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PROJECT = 0;
  private static final int METHODID_GET_PROJECT = 1;
  private static final int METHODID_UPDATE_PROJECT = 2;
  private static final int METHODID_UPDATE_PROJECT_STATUS = 3;
  private static final int METHODID_DELETE_PROJECT = 4;
  private static final int METHODID_DELETE_PROJECT_COLLECTION = 5;
  private static final int METHODID_LIST_PROJECTS = 6;
  private static final int METHODID_WATCH_PROJECTS = 7;

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
        case METHODID_CREATE_PROJECT:
          serviceImpl.createProject((ai.michelangelo.api.v2.CreateProjectRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project>) responseObserver);
          break;
        case METHODID_GET_PROJECT:
          serviceImpl.getProject((ai.michelangelo.api.v2.GetProjectRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project>) responseObserver);
          break;
        case METHODID_UPDATE_PROJECT:
          serviceImpl.updateProject((ai.michelangelo.api.v2.UpdateProjectRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project>) responseObserver);
          break;
        case METHODID_UPDATE_PROJECT_STATUS:
          serviceImpl.updateProjectStatus((ai.michelangelo.api.v2.UpdateProjectStatusRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project>) responseObserver);
          break;
        case METHODID_DELETE_PROJECT:
          serviceImpl.deleteProject((ai.michelangelo.api.v2.DeleteProjectRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.Project>) responseObserver);
          break;
        case METHODID_DELETE_PROJECT_COLLECTION:
          serviceImpl.deleteProjectCollection((ai.michelangelo.api.v2.DeleteProjectCollectionRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList>) responseObserver);
          break;
        case METHODID_LIST_PROJECTS:
          serviceImpl.listProjects((ai.michelangelo.api.v2.ListProjectsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectList>) responseObserver);
          break;
        case METHODID_WATCH_PROJECTS:
          serviceImpl.watchProjects((ai.michelangelo.api.v2.WatchProjectsRequest) request,
              (io.grpc.stub.StreamObserver<ai.michelangelo.api.v2.ProjectWatchEvent>) responseObserver);
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
          getCreateProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.CreateProjectRequest,
              ai.michelangelo.api.v2.Project>(
                service, METHODID_CREATE_PROJECT)))
        .addMethod(
          getGetProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.GetProjectRequest,
              ai.michelangelo.api.v2.Project>(
                service, METHODID_GET_PROJECT)))
        .addMethod(
          getUpdateProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateProjectRequest,
              ai.michelangelo.api.v2.Project>(
                service, METHODID_UPDATE_PROJECT)))
        .addMethod(
          getUpdateProjectStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.UpdateProjectStatusRequest,
              ai.michelangelo.api.v2.Project>(
                service, METHODID_UPDATE_PROJECT_STATUS)))
        .addMethod(
          getDeleteProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteProjectRequest,
              ai.michelangelo.api.v2.Project>(
                service, METHODID_DELETE_PROJECT)))
        .addMethod(
          getDeleteProjectCollectionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.DeleteProjectCollectionRequest,
              ai.michelangelo.api.v2.ProjectList>(
                service, METHODID_DELETE_PROJECT_COLLECTION)))
        .addMethod(
          getListProjectsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.ListProjectsRequest,
              ai.michelangelo.api.v2.ProjectList>(
                service, METHODID_LIST_PROJECTS)))
        .addMethod(
          getWatchProjectsMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              ai.michelangelo.api.v2.WatchProjectsRequest,
              ai.michelangelo.api.v2.ProjectWatchEvent>(
                service, METHODID_WATCH_PROJECTS)))
        .build();
  }

  private static abstract class ProjectServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ProjectServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return ai.michelangelo.api.v2.ProjectSvcProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ProjectService");
    }
  }

  private static final class ProjectServiceFileDescriptorSupplier
      extends ProjectServiceBaseDescriptorSupplier {
    ProjectServiceFileDescriptorSupplier() {}
  }

  private static final class ProjectServiceMethodDescriptorSupplier
      extends ProjectServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ProjectServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ProjectServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ProjectServiceFileDescriptorSupplier())
              .addMethod(getCreateProjectMethod())
              .addMethod(getGetProjectMethod())
              .addMethod(getUpdateProjectMethod())
              .addMethod(getUpdateProjectStatusMethod())
              .addMethod(getDeleteProjectMethod())
              .addMethod(getDeleteProjectCollectionMethod())
              .addMethod(getListProjectsMethod())
              .addMethod(getWatchProjectsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
