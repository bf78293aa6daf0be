package ai.michelangelo.sdk.client;

import ai.michelangelo.api.ListOptions;
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.v2.Model;
import ai.michelangelo.api.v2.PipelineRun;
import ai.michelangelo.api.v2.PipelineRunSpec;
import ai.michelangelo.api.v2.PipelineRunWatchEvent;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectSpec;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.Watcher;
import java.time.Duration;

/** The five-minute example of sdk/java/README.md, verbatim between the markers. */
final class ReadmeExample {
  private ReadmeExample() {}

  static int run(String target) {
    int events = 0;
    // README-BEGIN
    try (MichelangeloClient client =
        MichelangeloClient.newBuilder()
            .setTarget(target) // e.g. "localhost:50051"
            .setTls(false) // plaintext for a local ma-server
            .setDefaultNamespace("eta")
            .build()) {
      // Create a project (validated on the client first, with the server's messages).
      Project project =
          client.projects()
              .create(
                  Project.newBuilder()
                      .setMetadata(ObjectMeta.newBuilder().setName("eta"))
                      .setSpec(ProjectSpec.newBuilder().setOwningTeam("ml-platform"))
                      .build());
      System.out.println("created " + project.getMetadata().getName());

      // List models, 100 per page; the pager follows continue tokens lazily.
      ListOptions page = ListOptions.newBuilder().setLimit(100).build();
      for (Model m : client.models().list("eta", page, CallOptions.defaults())) {
        System.out.println("model " + m.getMetadata().getName());
      }

      // Watch pipeline runs: ADDED for the current ones, then every change, surviving reconnects.
      try (Watcher<PipelineRunWatchEvent> watch = client.pipelineRuns().watch("eta")) {
        client.pipelineRuns()
            .create(
                PipelineRun.newBuilder()
                    .setMetadata(ObjectMeta.newBuilder().setName("train-1"))
                    .setSpec(PipelineRunSpec.newBuilder().setPipeline("train"))
                    .build());
        PipelineRunWatchEvent event;
        while ((event = watch.poll(Duration.ofSeconds(2))) != null) {
          System.out.println(event.getType() + " " + event.getObject().getMetadata().getName());
          events++; // (for the test)
        }
      }
    }
    // README-END
    return events;
  }
}
