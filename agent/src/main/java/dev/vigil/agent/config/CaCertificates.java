package dev.vigil.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** Checks a {@code tls.ca-file} when it is configured rather than at the first connection. */
public final class CaCertificates {
  private CaCertificates() {}

  /**
   * Reads the PEM file and parses its certificates.
   *
   * @throws IllegalArgumentException saying why the file cannot serve as trust anchors
   */
  public static void check(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new IllegalArgumentException("holds no certificate");
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read it: " + e.getMessage(), e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM file of certificates: " + e.getMessage(), e);
    }
  }
}
