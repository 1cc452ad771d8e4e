package io.multibot.gateway.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A bot process this gateway did not start (an earlier gateway left it running) but supervises now.
 * It is not our child, so its exit code is unknown: {@link #exitValue()} says {@value
 * #UNKNOWN_EXIT}, which restart policies treat as a failure.
 */
final class AdoptedProcess extends Process {

  static final int UNKNOWN_EXIT = -1;

  private final ProcessHandle handle;

  AdoptedProcess(ProcessHandle handle) {
    this.handle = handle;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      handle.onExit().get();
    } catch (java.util.concurrent.ExecutionException e) {
      // the handle's future does not fail
    }
    return UNKNOWN_EXIT;
  }

  @Override
  public int exitValue() {
    if (handle.isAlive()) {
      throw new IllegalThreadStateException("process " + handle.pid() + " has not exited");
    }
    return UNKNOWN_EXIT;
  }

  @Override
  public void destroy() {
    handle.destroy();
  }

  @Override
  public Process destroyForcibly() {
    handle.destroyForcibly();
    return this;
  }

  @Override
  public boolean isAlive() {
    return handle.isAlive();
  }

  @Override
  public long pid() {
    return handle.pid();
  }

  @Override
  public ProcessHandle toHandle() {
    return handle;
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return handle.onExit().thenApply(h -> this);
  }
}
