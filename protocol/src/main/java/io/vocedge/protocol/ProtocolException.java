package io.vocedge.protocol;

/** A message broke the wire contract; the text says what is wrong and how to fix it. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
