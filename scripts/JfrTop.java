// Where a JFR recording's CPU samples went, without `jfr print` (which shows 5 frames by default
// and turns a 45 MB recording into 17 GB of JSON). Run with the JDK's single-file launcher:
//   java scripts/JfrTop.java RECORDING.jfr [FRAME-PREFIX] [ONLY-SAMPLES-WITH-THIS-FRAME]
// e.g. java scripts/JfrTop.java /tmp/mgmt.jfr io.multibot org.apache.derby.impl.jdbc.EmbedClob
// Prints the hottest methods (self), the innermost frame of ours (FRAME-PREFIX, default
// io.multibot) in each sample, frames of ours by inclusive samples, and the sampled threads.
// Record with a deep stack: jcmd PID JFR.configure stackdepth=400, then
// jcmd PID JFR.start name=p settings=profile filename=/tmp/mgmt.jfr ... jcmd PID JFR.dump name=p
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

public class JfrTop {
  public static void main(String[] args) throws Exception {
    String prefix = args.length > 1 ? args[1] : "io.multibot";
    String only = args.length > 2 ? args[2] : null;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
          if (frame.getMethod() != null) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
          }
        }
        if (frames.isEmpty() || (only != null && frames.stream().noneMatch(f -> f.contains(only)))) {
          continue;
        }
        samples++;
        self.merge(frames.get(0), 1, Integer::sum);
        ours.merge(
            frames.stream()
                .filter(f -> f.startsWith(prefix) && !f.contains("$Proxy$"))
                .findFirst()
                .orElse("(none of ours)"),
            1,
            Integer::sum);
        for (String frame : new HashSet<>(frames)) {
          if (frame.startsWith(prefix) && !frame.contains("$Proxy$")) {
            inclusive.merge(frame, 1, Integer::sum);
          }
        }
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        threads.merge(name.replaceAll("[0-9]+", "N"), 1, Integer::sum);
      }
    }
    System.out.println("samples: " + samples);
    print("self", self, 20);
    print("innermost frame of " + prefix, ours, 30);
    print("inclusive, " + prefix, inclusive, 40);
    print("threads", threads, 10);
  }

  private static void print(String title, Map<String, Integer> counts, int limit) {
    System.out.println("--- " + title);
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(limit)
        .forEach(e -> System.out.println(e.getValue() + " " + e.getKey()));
  }
}
