package io.vocedge.device.asr;

import java.nio.file.Path;

/** Run in a child JVM by {@link NativeLibraryTest}: tries to load libvosk and prints the outcome. */
public final class NativeLoadProbe {
    private NativeLoadProbe() {}

    public static void main(String[] args) {
        try {
            new NativeLibrary(Path.of(args[0])).load();
            System.out.println("LOADED");
        } catch (IllegalStateException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
