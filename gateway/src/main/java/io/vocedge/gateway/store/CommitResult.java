package io.vocedge.gateway.store;

/** What one store transaction did. */
public record CommitResult(int inserted, int duplicates, int deadLetters) {}
