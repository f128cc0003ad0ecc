package io.vocedge.device.audio;

/** Makes the {@link VoiceDetector} that {@code audio.vad} names. */
final class VoiceDetectors {
    private VoiceDetectors() {}

    static VoiceDetector create(AudioConfig cfg) {
        return switch (cfg.vad()) {
            case "energy" -> new EnergyVad(cfg.vadOnDb(), cfg.vadOffDb());
            case "spectral" -> new SpectralVad(cfg.vadOnDb(), cfg.vadOffDb());
            case "hybrid" ->
                new HybridVad(new SileroVad(
                        SileroVad.MODEL, cfg.vadThreshold(), new EnergyVad(cfg.vadOnDb(), cfg.vadOffDb())));
            case "silero" ->
                new SileroVad(SileroVad.MODEL, cfg.vadThreshold(), new EnergyVad(cfg.vadOnDb(), cfg.vadOffDb()));
            default ->
                throw new IllegalArgumentException("audio.vad '" + cfg.vad() + "' must be one of " + AudioConfig.VADS);
        };
    }
}
