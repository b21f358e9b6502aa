package dev.vigil.collector.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Per-thread working memory of the ingest path: a grow-only frame buffer and a decoder. One per
 * event-loop thread, so thousands of idle streams cost no buffers.
 */
final class IngestScratch {
  private static final ThreadLocal<IngestScratch> PER_THREAD =
      ThreadLocal.withInitial(IngestScratch::new);

  final BatchDecoder decoder = new BatchDecoder();
  private byte[] buffer = new byte[16 * 1024];

  static IngestScratch get() {
    return PER_THREAD.get();
  }

  /**
   * Copies a whole frame out of gRPC's stream. gRPC's inbound streams know their length exactly,
   * which {@code available()} reports.
   *
   * @return the frame's length; the frame is at the start of {@link #buffer()}
   * @throws StreamException when the frame is larger than {@code maxFrameBytes}
   */
  int readFrame(InputStream in, int maxFrameBytes) throws IOException, StreamException {
    int length = in.available();
    if (length > maxFrameBytes) {
      throw new StreamException(
          IngestError.LIMIT,
          "frame of " + length + " bytes is larger than the limit of " + maxFrameBytes);
    }
    if (length > buffer.length) {
      buffer = new byte[Math.max(length, buffer.length * 2)];
    }
    int read = 0;
    while (read < length) {
      int n = in.read(buffer, read, length - read);
      if (n < 0) {
        throw new IOException("frame ended after " + read + " of " + length + " bytes");
      }
      read += n;
    }
    return length;
  }

  byte[] buffer() {
    return buffer;
  }
}
