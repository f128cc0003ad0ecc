package io.vocedge.provisioning;

/**
 * A provisioning step failed at run time (disk, permissions, the gateway unreachable, a damaged CA directory). The
 * message names the problem and the fix; the CLI prints it as one line and exits with 1. Wrong input (an option
 * value, a path that does not exist, a wrong passphrase or checksum, a name already taken) is a
 * {@link io.vocedge.common.cli.BadInputException} instead: exit 2.
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
