package io.vocedge.provisioning;

/**
 * A provisioning step failed for a reason the technician can act on. The message names the problem and the fix;
 * the CLI prints it as one line and exits with 1.
 */
public class ProvisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
