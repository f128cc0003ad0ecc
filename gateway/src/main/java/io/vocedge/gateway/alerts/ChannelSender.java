package io.vocedge.gateway.alerts;

/** Sends one notification to one channel; throws when the receiver did not take it (the worker retries). */
@FunctionalInterface
public interface ChannelSender {
    void send(Notification n) throws Exception;

    /** The receiver answered but refused, or was unreachable: retried with backoff. */
    final class DeliveryException extends Exception {
        public DeliveryException(String message) {
            super(message);
        }
    }
}
