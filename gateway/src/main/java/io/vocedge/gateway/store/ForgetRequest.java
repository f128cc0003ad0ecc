package io.vocedge.gateway.store;

import java.time.Instant;

/**
 * A device asked to forget a window ({@code forget} command or its privacy-button gesture; the command result carries
 * {@code forget_from}/{@code forget_to}): its records recorded in the window are deleted in the same transaction that
 * stores the result, and the deletion is audited ({@code console_audit}, action {@code forget}).
 */
public record ForgetRequest(String commandId, String deviceId, String site, Instant from, Instant to) {}
