package io.vocedge.provisioning.install;

import java.nio.file.Path;

/** What an install put where; {@code previous} is the kept earlier version, or null if there was none. */
public record Installed(Path target, Path previous, String sha256, int files) {}
