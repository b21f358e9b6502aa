package dev.vigil.agent.service;

/** A Service Control Manager call failed with a Win32 error code. */
public final class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int errorCode;

  /**
   * @param errorCode the Win32 error, e.g. 5 for {@code ERROR_ACCESS_DENIED}
   * @param detail what Windows said about it, used when no clearer message is known
   */
  public ServiceException(int errorCode, String detail) {
    super(detail);
    this.errorCode = errorCode;
  }

  /** The Win32 error code. */
  public int errorCode() {
    return errorCode;
  }
}
