package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Certificates for TLS tests, made by the real openssl. */
public final class TestCertificates {
  private TestCertificates() {}

  /**
   * A self-signed certificate, which a client can also trust as its own CA.
   *
   * @param subjectAltName openssl's form, e.g. {@code IP:127.0.0.1} or {@code DNS:collector.test}
   */
  public static void selfSigned(Path cert, Path key, String subjectAltName) throws Exception {
    Process openssl =
        new ProcessBuilder(
                ExternalTools.require("openssl", "openssl"),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=" + subjectAltName.substring(subjectAltName.indexOf(':') + 1),
                "-addext",
                "subjectAltName=" + subjectAltName,
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
    assertEquals(0, openssl.exitValue(), output);
  }
}
